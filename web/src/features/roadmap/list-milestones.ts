import { fromTracTime } from '@learntrac/db/time';
import { sql } from '@/core/db';
import type { Queryable } from '@/core/db/database';

import { addToStats, emptyStats, type TicketStats } from './status-groups';

export interface MilestoneSummary {
  name: string;
  due: Date | null;
  completed: Date | null;
  description: string | null;
  stats: TicketStats;
}

/** Trac stores "no date" as 0 or NULL. */
export function tracDate(value: bigint | null): Date | null {
  return value ? fromTracTime(value) : null;
}

/**
 * The roadmap's milestones with their ticket counts by status, in two queries. Ordered as
 * Trac orders them: completed ones first by completion, then open ones by due date (undated
 * last), then by name.
 */
export async function listMilestones(options: {
  db: Queryable;
  includeCompleted: boolean;
  hideNoDueDate?: boolean;
}): Promise<MilestoneSummary[]> {
  const { db, includeCompleted } = options;
  const hideNoDueDate = options.hideNoDueDate ?? false;
  const rows = await db.query<{
    name: string;
    due: bigint | null;
    completed: bigint | null;
    description: string | null;
  }>(sql`SELECT name, due, completed, description FROM milestone
    WHERE (${includeCompleted} OR coalesce(completed, 0) = 0)
      AND (NOT ${hideNoDueDate} OR coalesce(due, 0) <> 0 OR coalesce(completed, 0) <> 0)
    ORDER BY nullif(completed, 0) NULLS LAST, nullif(due, 0) NULLS LAST, name`);
  if (rows.length === 0) return [];
  const names = rows.map((row) => row.name);
  const counts = await db.query<{ milestone: string; status: string | null; count: bigint }>(sql`
    SELECT milestone, status, count(*) AS count FROM ticket
    WHERE milestone = ANY(${names}::text[])
    GROUP BY milestone, status`);
  const stats = new Map(names.map((name) => [name, emptyStats()]));
  for (const row of counts) {
    const target = stats.get(row.milestone);
    if (target) addToStats(target, row.status, Number(row.count));
  }
  return rows.map((row) => ({
    name: row.name,
    due: tracDate(row.due),
    completed: tracDate(row.completed),
    description: row.description,
    stats: stats.get(row.name) ?? emptyStats(),
  }));
}

/** A labelled group of milestone names, shown as an <optgroup>. */
export interface MilestoneGroup {
  label: string;
  names: string[];
}

/**
 * Every milestone but `except`, for choosing where tickets go, grouped as Trac groups them:
 * open ones with a due date (soonest first), open ones without, then completed ones (in the
 * order they were completed). Empty groups are left out.
 */
export async function listRetargetMilestones(options: {
  db: Queryable;
  except?: string;
}): Promise<MilestoneGroup[]> {
  const rows = await options.db.query<{
    name: string;
    due: bigint | null;
    completed: bigint | null;
  }>(sql`
    SELECT name, due, completed FROM milestone
    WHERE name <> ${options.except ?? ''}
    ORDER BY nullif(completed, 0) NULLS FIRST, nullif(due, 0) NULLS LAST, name`);
  const groups: MilestoneGroup[] = [
    { label: 'Open (by due date)', names: [] },
    { label: 'Open (no due date)', names: [] },
    { label: 'Closed', names: [] },
  ];
  for (const row of rows) {
    const group = row.completed ? groups[2] : row.due ? groups[0] : groups[1];
    group?.names.push(row.name);
  }
  return groups.filter((group) => group.names.length > 0);
}
