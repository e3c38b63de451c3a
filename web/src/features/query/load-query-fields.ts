import { sql } from '@/core/db';
import type { Queryable } from '@/core/db/database';
import { readSiteConfig } from '@/core/db/site-config';
import {
  type CustomField,
  customFieldLabel,
  loadCustomFields,
} from '@/features/ticket/custom-fields';
import { type QueryField, standardTicketFields } from './language';

/** A field as the query page offers it: its label and, for choice fields, the choices. */
export interface SiteQueryField extends QueryField {
  label: string;
  options?: string[];
}

/** The statuses of Trac's basic workflow; statuses found on tickets are added to these. */
const DEFAULT_STATUSES = ['new', 'assigned', 'accepted', 'reopened', 'closed'];

/**
 * Every field a query may name on this site: Trac's standard fields and the admin's custom
 * fields, with the choices each choice field offers (in the site's configured order).
 */
export async function loadQueryFields(options: { db: Queryable }): Promise<SiteQueryField[]> {
  const { db } = options;
  const [settings, statuses] = await Promise.all([
    // The choices the admin configures change rarely; the statuses tickets hold, at any time.
    readSiteConfig({ db, name: 'query-field-choices', load: () => loadFieldChoices({ db }) }),
    // Each step jumps through ticket_status_idx to the next status after the last found, so
    // a handful of statuses costs a handful of index probes, not a read of every ticket.
    db.query<{ status: string }>(sql`
      WITH RECURSIVE found(status) AS (
        SELECT min(status) FROM ticket WHERE status > ''
        UNION ALL
        SELECT (SELECT min(status) FROM ticket WHERE status > found.status)
        FROM found WHERE found.status IS NOT NULL)
      SELECT status FROM found WHERE status IS NOT NULL ORDER BY status`),
  ]);
  const choices: Record<string, string[]> = {
    ...settings.choices,
    status: [
      ...DEFAULT_STATUSES,
      ...statuses.map((r) => r.status).filter((s) => !DEFAULT_STATUSES.includes(s)),
    ],
  };
  const standard: SiteQueryField[] = standardTicketFields.map((field) => ({
    ...field,
    label: field.label ?? field.name,
    ...(choices[field.name] ? { options: choices[field.name] } : {}),
  }));
  return [...standard, ...customQueryFields(settings.custom)];
}

/** The configured choices of the standard fields, and the custom fields. */
async function loadFieldChoices(options: { db: Queryable }) {
  const { db } = options;
  const [enums, components, milestones, versions, custom] = await Promise.all([
    db.query<{ type: string; name: string }>(sql`
      SELECT type, name FROM enum
      WHERE type IN ('ticket_type', 'priority', 'severity', 'resolution')
      ORDER BY type, CASE WHEN value ~ '^[0-9]+$' THEN value::int END, value, name`),
    db.query<{ name: string }>(sql`SELECT name FROM component ORDER BY name`),
    db.query<{ name: string }>(sql`
      SELECT name FROM milestone
      ORDER BY COALESCE(completed, 0) <> 0, CASE WHEN COALESCE(due, 0) = 0 THEN 1 ELSE 0 END, due, name`),
    db.query<{ name: string }>(sql`
      SELECT name FROM version ORDER BY CASE WHEN COALESCE(time, 0) = 0 THEN 1 ELSE 0 END, time, name`),
    loadCustomFields({ db }),
  ]);
  const enumOf = (type: string) => enums.filter((r) => r.type === type).map((r) => r.name);
  const choices: Record<string, string[]> = {
    type: enumOf('ticket_type'),
    priority: enumOf('priority'),
    severity: enumOf('severity'),
    resolution: enumOf('resolution'),
    component: components.map((r) => r.name),
    milestone: milestones.map((r) => r.name),
    version: versions.map((r) => r.name),
  };
  return { choices, custom };
}

/** The admin's custom fields as query fields. */
export function customQueryFields(custom: readonly CustomField[]): SiteQueryField[] {
  return custom.map((field) => ({
    name: field.name,
    type: field.type,
    custom: true,
    label: customFieldLabel(field),
    ...(field.type === 'select' || field.type === 'radio' ? { options: field.options } : {}),
  }));
}
