import 'server-only';
import type { Db } from '@learntrac/db';
import { getDb } from '@/core/db';

/** The process's Prisma client with its transactions, which the wiki's writes need. */
export function getWikiDb(): Db {
  return getDb() as unknown as Db;
}
