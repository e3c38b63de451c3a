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

// Report SQL runs on node-postgres directly: it needs the column names PostgreSQL sends with
// a result (Prisma's raw queries drop them when there are no rows). A small pool of its own,
// kept on globalThis like the main client so development reloads reuse it.
const holder = globalThis as typeof globalThis & { learntracReportPool?: pg.Pool };

export function getReportPool(): ReportPool {
  holder.learntracReportPool ??= new pg.Pool({
    connectionString: getConfig().DATABASE_URL,
    max: 4,
    idleTimeoutMillis: 5_000,
  });
  return holder.learntracReportPool;
}

/** The viewer as the report verbs see them: their Trac name and permissions. */
export function reportActorOf(viewer: {
  user: { username: string } | null;
  permissions: ReadonlySet<string>;
}): ReportActor {
  return { name: viewer.user?.username || null, permissions: viewer.permissions };
}
