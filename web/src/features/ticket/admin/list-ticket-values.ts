import type { Database } from '@/core/db/database';
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

export function listComponents(options: { db: Database }): PromiseLike<ComponentRow[]> {
  return options.db.$queryRaw<ComponentRow[]>`
    SELECT name, owner, description FROM component ORDER BY name`;
}

export function listVersions(options: { db: Database }): PromiseLike<VersionRow[]> {
  return options.db.$queryRaw<VersionRow[]>`
    SELECT name, time, description FROM version
    ORDER BY CASE WHEN COALESCE(time, 0) = 0 THEN 1 ELSE 0 END, time, name`;
}

export function listMilestoneRows(options: { db: Database }): PromiseLike<MilestoneRow[]> {
  return options.db.$queryRaw<MilestoneRow[]>`
    SELECT name, due, completed, description FROM milestone
    ORDER BY CASE WHEN COALESCE(completed, 0) = 0 THEN 0 ELSE 1 END,
             CASE WHEN COALESCE(due, 0) = 0 THEN 1 ELSE 0 END, due, name`;
}

/** An enum list's values in their stored order. */
export async function listEnumValues(options: { db: Database; list: EnumList }): Promise<string[]> {
  const rows = await options.db.$queryRaw<{ name: string }[]>`
    SELECT name FROM enum WHERE type = ${options.list}
    ORDER BY CASE WHEN value ~ '^[0-9]+$' THEN value::int END, value, name`;
  return rows.map((row) => row.name);
}

/** How many tickets hold each value of a ticket field (shown beside the values). */
export async function countTicketsByValue(options: {
  db: Database;
  field: 'component' | 'version' | 'milestone' | 'priority' | 'severity' | 'resolution' | 'type';
}): Promise<Map<string, number>> {
  const db = options.db as Database & {
    $queryRawUnsafe<T>(query: string, ...values: unknown[]): Promise<T>;
  };
  // The column is one of the fixed names above.
  const rows = await db.$queryRawUnsafe<{ value: string; count: bigint }[]>(
    `SELECT "${options.field}" AS value, COUNT(*) AS count FROM ticket
     WHERE "${options.field}" IS NOT NULL GROUP BY "${options.field}"`,
  );
  return new Map(rows.map((row) => [row.value, Number(row.count)]));
}
