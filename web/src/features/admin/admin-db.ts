import 'server-only';
import type { Db } from '@learntrac/db';
import { getDb } from '@/core/db';

/** The process's Prisma client with its transactions, which admin writes need. */
export function getAdminDb(): Db {
  return getDb() as unknown as Db;
}
