import type { Db } from '@learntrac/db';

/** The one Prisma client of the process, from the shared database package. */
export type Database = Db;
