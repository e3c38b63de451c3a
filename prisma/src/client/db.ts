import type { Prisma, PrismaClient } from '../../generated/client/client.js';

/** A client created by createPrismaClient. */
export type Db = PrismaClient;
/** A client or an interactive transaction's client: verbs accept either. */
export type DbOrTransaction = PrismaClient | Prisma.TransactionClient;
