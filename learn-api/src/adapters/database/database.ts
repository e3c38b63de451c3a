import type { createPrismaClient } from '@learntrac/db';

/** The one Prisma client of the process, from the shared database package. */
export type Database = ReturnType<typeof createPrismaClient>;
