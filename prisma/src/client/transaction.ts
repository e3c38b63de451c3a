import type { Prisma } from '../../generated/client/client.js';
import type { DbOrTransaction } from './db.js';

/** Runs `work` in a new transaction, or inside the caller's when given a transaction client. */
export function inTransaction<T>(
  db: DbOrTransaction,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  if ('$transaction' in db) return db.$transaction(work);
  return work(db);
}
