import { sql } from '@/core/db';
import type { Queryable } from '@/core/db/database';
import { type MilestoneSummary, tracDate } from './list-milestones';
import { addToStats, emptyStats, type TicketStats } from './status-groups';

/** Ticket fields a milestone's progress can be broken down by, as Trac offers them. */
export const MILESTONE_GROUP_FIELDS = [
  'component',
  'owner',
  'type',
  'priority',
  'severity',
  'version',
] as const;
export type MilestoneGroupField = (typeof MILESTONE_GROUP_FIELDS)[number];

export function isMilestoneGroupField(value: unknown): value is MilestoneGroupField {
  return MILESTONE_GROUP_FIELDS.includes(value as MilestoneGroupField);
}

export interface MilestoneGroupRow {
  /** The field's value; '' for tickets that have none. */
  value: string;
  stats: TicketStats;
}

export interface MilestoneDetail extends MilestoneSummary {
  groupedBy: MilestoneGroupField;
  groups: MilestoneGroupRow[];
}

// priority, severity and type order by their enum position, as on Trac's milestone page.
const ENUM_TYPES: Partial<Record<MilestoneGroupField, string>> = {
  priority: 'priority',
  severity: 'severity',
  type: 'ticket_type',
};

/** One milestone with its progress overall and by `groupBy`, or null when it does not exist. */
export async function getMilestone(options: {
  db: Queryable;
  name: string;
  groupBy: MilestoneGroupField;
}): Promise<MilestoneDetail | null> {
  const { db, name, groupBy } = options;
  const [row] = await db.query<{
    name: string;
    due: bigint | null;
    completed: bigint | null;
    description: string | null;
  }>(sql`SELECT name, due, completed, description FROM milestone WHERE name = ${name}`);
  if (!row) return null;
  const enumType = ENUM_TYPES[groupBy] ?? '';
  const counts = await db.query<{
    value: string;
    status: string | null;
    count: bigint;
    position: string | null;
  }>(sql`SELECT g.value, g.status, g.count, e.value AS position
    FROM (
      SELECT coalesce(CASE ${groupBy}
               WHEN 'component' THEN component WHEN 'owner' THEN owner WHEN 'type' THEN type
               WHEN 'priority' THEN priority WHEN 'severity' THEN severity
               WHEN 'version' THEN version END, '') AS value,
             status, count(*) AS count
      FROM ticket WHERE milestone = ${name}
      GROUP BY 1, status) g
    LEFT JOIN enum e ON e.type = ${enumType} AND e.name = g.value`);
  const overall = emptyStats();
  const groups = new Map<string, { stats: TicketStats; position: number }>();
  for (const count of counts) {
    addToStats(overall, count.status, Number(count.count));
    const group = groups.get(count.value) ?? {
      stats: emptyStats(),
      position: Number.parseInt(count.position ?? '', 10),
    };
    addToStats(group.stats, count.status, Number(count.count));
    groups.set(count.value, group);
  }
  const positionOf = (position: number) =>
    Number.isNaN(position) ? Number.MAX_SAFE_INTEGER : position;
  const ordered = [...groups].sort(([a, ga], [b, gb]) => {
    if (a === '' || b === '') return a === '' ? 1 : -1;
    return positionOf(ga.position) - positionOf(gb.position) || a.localeCompare(b);
  });
  return {
    name: row.name,
    due: tracDate(row.due),
    completed: tracDate(row.completed),
    description: row.description,
    stats: overall,
    groupedBy: groupBy,
    groups: ordered.map(([value, group]) => ({ value, stats: group.stats })),
  };
}
