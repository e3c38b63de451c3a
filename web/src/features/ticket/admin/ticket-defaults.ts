import { sql } from '@/core/db';
import type { Queryable } from '@/core/db/database';

/**
 * Trac keeps each list's default in trac.ini's `[ticket]` section (`default_priority`, ...);
 * LearnTrac keeps them in `system` rows named `ticket.default_<field>`.
 */
export const DEFAULT_FIELDS = [
  'component',
  'milestone',
  'version',
  'priority',
  'severity',
  'type',
  'resolution',
] as const;
export type DefaultField = (typeof DEFAULT_FIELDS)[number];

export const defaultKey = (field: DefaultField) => `ticket.default_${field}`;

/** The configured default of each field that has one. */
export async function loadTicketDefaults(options: {
  db: Queryable;
}): Promise<Partial<Record<DefaultField, string>>> {
  const rows = await options.db.query<{ name: string; value: string | null }>(sql`
    SELECT name, value FROM system WHERE name LIKE 'ticket.default\\_%'`);
  const defaults: Partial<Record<DefaultField, string>> = {};
  for (const field of DEFAULT_FIELDS) {
    const value = rows.find((row) => row.name === defaultKey(field))?.value;
    if (value) defaults[field] = value;
  }
  return defaults;
}
