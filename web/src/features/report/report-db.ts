import 'server-only';
import type { Db } from '@learntrac/db';
import { getDb } from '@/core/db';
import type { ReportActor } from './report-errors';

/** The process's client with its write and transaction API (reports run in transactions). */
export function getReportDb(): Db {
  return getDb() as unknown as Db;
}

/** The viewer as the report verbs see them: their Trac name and permissions. */
export function reportActorOf(viewer: {
  user: { username: string } | null;
  permissions: ReadonlySet<string>;
}): ReportActor {
  return { name: viewer.user?.username || null, permissions: viewer.permissions };
}
