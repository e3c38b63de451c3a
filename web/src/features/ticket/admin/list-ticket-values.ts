import { raw, sql } from '@/core/db';
import type { Queryable } from '@/core/db/database';
import type { EnumList } from './ticket-values';

export interface ComponentRow {
  name: string;
  owner: string | null;
  description: string | null;
}
export interface VersionRow {
  name: string;
  time: bigint | null;
  description: string | null;
}
export interface MilestoneRow {
  name: string;
  due: bigint | null;
  completed: bigint | null;
  description: string | null;
}

export function listComponents(options: { db: Queryable }): PromiseLike<ComponentRow[]> {
  return options.db.query<ComponentRow>(sql`
    SELECT name, owner, description FROM component ORDER BY name`);
}

export function listVersions(options: { db: Queryable }): PromiseLike<VersionRow[]> {
  return options.db.query<VersionRow>(sql`
    SELECT name, time, description FROM version
    ORDER BY CASE WHEN COALESCE(time, 0) = 0 THEN 1 ELSE 0 END, time, name`);
}

export function listMilestoneRows(options: { db: Queryable }): PromiseLike<MilestoneRow[]> {
  return options.db.query<MilestoneRow>(sql`
    SELECT name, due, completed, description FROM milestone
    ORDER BY CASE WHEN COALESCE(completed, 0) = 0 THEN 0 ELSE 1 END,
             CASE WHEN COALESCE(due, 0) = 0 THEN 1 ELSE 0 END, due, name`);
}

/** An enum list's values in their stored order. */
export async function listEnumValues(options: {
  db: Queryable;
  list: EnumList;
}): Promise<string[]> {
  const rows = await options.db.query<{ name: string }>(sql`
    SELECT name FROM enum WHERE type = ${options.list}
    ORDER BY CASE WHEN value ~ '^[0-9]+$' THEN value::int END, value, name`);
  return rows.map((row) => row.name);
}

/** How many tickets hold each value of a ticket field (shown beside the values). */
export async function countTicketsByValue(options: {
  db: Queryable;
  field: 'component' | 'version' | 'milestone' | 'priority' | 'severity' | 'resolution' | 'type';
}): Promise<Map<string, number>> {
  // The column is one of the fixed names above.
  const column = raw(`"${options.field}"`);
  const rows = await options.db.query<{ value: string; count: bigint }>(
    sql`SELECT ${column} AS value, COUNT(*) AS count FROM ticket
        WHERE ${column} IS NOT NULL GROUP BY ${column}`,
  );
  return new Map(rows.map((row) => [row.value, Number(row.count)]));
}
