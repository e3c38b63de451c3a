import type { Prisma } from '../../generated/client/client.js';
import type { DbOrTransaction } from './db.js';

/** Runs `work` in a new transaction, or inside the caller's when given a transaction client. */
export function inTransaction<T>(
  db: DbOrTransaction,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  // Seeding writes many rows in one transaction; Prisma's 5 s default is too tight on a busy CI.
  if ('$transaction' in db) return db.$transaction(work, { maxWait: 10_000, timeout: 60_000 });
  return work(db);
}
