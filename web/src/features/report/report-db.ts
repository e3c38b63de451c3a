import 'server-only';
import type { Db } from '@learntrac/db';
import pg from 'pg';
import { getConfig } from '@/config';
import { getDb } from '@/core/db';
import type { ReportActor } from './report-errors';
import type { ReportPool } from './run-report';

/** The process's client with its write and transaction API (reports run in transactions). */
export function getReportDb(): Db {
  return getDb() as unknown as Db;
}

/** Reports running at once in one web process; more wait for a connection. */
export const REPORT_POOL_SIZE = 4;
/** How long a report waits for a connection before the viewer is told to try again. */
export const REPORT_CONNECTION_WAIT_MS = 2_000;

/**
 * Report SQL runs on node-postgres directly: it needs the column names PostgreSQL sends with
 * a result (Prisma's raw queries drop them when there are no rows). Its pool is its own and
 * small, and nothing else uses it, so slow reports queue among themselves and never take the
 * connections other pages need; a report that cannot get one soon gives up (a 503) rather than
 * wait behind them.
 */
export function createReportPool(databaseUrl: string): pg.Pool {
  return new pg.Pool({
    connectionString: databaseUrl,
    max: REPORT_POOL_SIZE,
    connectionTimeoutMillis: REPORT_CONNECTION_WAIT_MS,
    idleTimeoutMillis: 5_000,
    application_name: 'learntrac-web-reports',
  });
}

// Kept on globalThis like the main client so development reloads reuse it.
const holder = globalThis as typeof globalThis & { learntracReportPool?: pg.Pool };

export function getReportPool(): ReportPool {
  holder.learntracReportPool ??= createReportPool(getConfig().DATABASE_URL);
  return holder.learntracReportPool;
}

/** The viewer as the report verbs see them: their Trac name and permissions. */
export function reportActorOf(viewer: {
  user: { username: string } | null;
  permissions: ReadonlySet<string>;
}): ReportActor {
  return { name: viewer.user?.username || null, permissions: viewer.permissions };
}
