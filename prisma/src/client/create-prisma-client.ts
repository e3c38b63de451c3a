import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from '../../generated/client/client.js';

export type CreatePrismaClientOptions = {
  /** Most connections the pool opens (default 10). */
  maxConnections?: number;
  /** How long an idle connection stays open (default 5 s); short, so processes exit promptly. */
  idleTimeoutMillis?: number;
};

/**
 * The one database client of a process: create it once at start-up and share it.
 * Queries go through node-postgres (driver adapter), no native engine. Given a pool instead of a
 * URL, the client borrows that pool's connections (and leaves closing it to its owner), so a
 * process that also queries through node-postgres keeps one pool.
 */
export function createPrismaClient(
  connection: string | pg.Pool,
  options: CreatePrismaClientOptions = {},
): PrismaClient {
  if (typeof connection !== 'string')
    return new PrismaClient({ adapter: new PrismaPg(connection) });
  if (!connection) throw new Error('createPrismaClient: a database URL is required');
  const adapter = new PrismaPg({
    connectionString: connection,
    max: options.maxConnections ?? 10,
    idleTimeoutMillis: options.idleTimeoutMillis ?? 5_000,
  });
  return new PrismaClient({ adapter });
}
