import 'server-only';
import type { Db } from '@learntrac/db';
import { getDb } from '@/core/db';

/**
 * The process's database client with its write API. `getDb()` hands out the one Prisma client
 * typed for reads; the ticket verbs write through transactions and the shared ticket verbs.
 */
export function getTicketDb(): Db {
  return getDb() as unknown as Db;
}
