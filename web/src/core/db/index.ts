import 'server-only';
import type pg from 'pg';
import { getConfig } from '@/config';
import { createDatabase, createReportPool, type Database } from './database';

export {
  containsPattern,
  type Database,
  empty,
  join,
  type Queryable,
  raw,
  type Sql,
  type SqlQuery,
  sql,
  type Transaction,
} from './database';

// One database and one report pool per process; in development the module reloads on edits, so
// they live on globalThis to survive reloads instead of opening new pools each time.
const holder = globalThis as typeof globalThis & {
  learntracDb?: Database;
  learntracReportPool?: pg.Pool;
};

export function getDb(): Database {
  const config = getConfig();
  holder.learntracDb ??= createDatabase({
    url: config.DATABASE_URL,
    maxConnections: config.DATABASE_POOL_SIZE,
  });
  return holder.learntracDb;
}

/** The report pool (see createReportPool), sized by the validated settings. */
export function getReportPool(): pg.Pool {
  const config = getConfig();
  holder.learntracReportPool ??= createReportPool({
    url: config.DATABASE_URL,
    maxConnections: config.REPORT_POOL_SIZE,
    connectionWaitMs: config.REPORT_CONNECTION_WAIT_MS,
  });
  return holder.learntracReportPool;
}
