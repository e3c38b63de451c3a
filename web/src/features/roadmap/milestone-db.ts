import 'server-only';
import type { Db } from '@learntrac/db';
import { getDb } from '@/core/db';

/** The process's Prisma client with its transactions, which milestone writes need. */
export function getMilestoneDb(): Db {
  return getDb() as unknown as Db;
}
