import type { ReportActor } from './report-errors';

/** The viewer as the report verbs see them: their Trac name and permissions. */
export function reportActorOf(viewer: {
  user: { username: string } | null;
  permissions: ReadonlySet<string>;
}): ReportActor {
  return { name: viewer.user?.username || null, permissions: viewer.permissions };
}
