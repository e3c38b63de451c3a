import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/client/client.js';

export type CreatePrismaClientOptions = {
  /** Most connections the pool opens (default 10). */
  maxConnections?: number;
  /** How long an idle connection stays open (default 5 s); short, so processes exit promptly. */
  idleTimeoutMillis?: number;
};

/**
 * The one database client of a process: create it once at start-up and share it.
 * Queries go through node-postgres (driver adapter), no native engine.
 */
export function createPrismaClient(
  databaseUrl: string,
  options: CreatePrismaClientOptions = {},
): PrismaClient {
  if (!databaseUrl) throw new Error('createPrismaClient: a database URL is required');
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    idleTimeoutMillis: options.idleTimeoutMillis ?? 5_000,
  });
  return new PrismaClient({ adapter });
}
