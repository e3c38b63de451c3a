import { sql } from '@/core/db';
import type { Queryable } from '@/core/db/database';
import { readSiteConfig } from '@/core/db/site-config';
import {
  type CustomField,
  customFieldLabel,
  loadCustomFields,
} from '@/features/ticket/custom-fields';
import { listWorkflowStates, loadWorkflow } from '@/features/ticket/workflow';
import { type QueryField, standardTicketFields } from './language';

/** A field as the query page offers it: its label and, for choice fields, the choices. */
export interface SiteQueryField extends QueryField {
  label: string;
  options?: string[];
}

/** The statuses of Trac's basic workflow, offered first in this order. */
const DEFAULT_STATUSES = ['new', 'assigned', 'accepted', 'reopened', 'closed'];

/**
 * Every field a query may name on this site: Trac's standard fields and the admin's custom
 * fields, with the choices each choice field offers (in the site's configured order). All of it
 * is site configuration, kept between requests until a setting changes.
 */
export async function loadQueryFields(options: { db: Queryable }): Promise<SiteQueryField[]> {
  const { db } = options;
  const settings = await readSiteConfig({
    db,
    name: 'query-field-choices',
    load: () => loadFieldChoices({ db }),
  });
  const { choices } = settings;
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
  const [enums, components, milestones, versions, custom, workflow] = await Promise.all([
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
    loadWorkflow({ db }),
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
    // As in Trac, the statuses are those the workflow can put a ticket in.
    status: [
      ...DEFAULT_STATUSES,
      ...listWorkflowStates(workflow)
        .filter((status) => !DEFAULT_STATUSES.includes(status))
        .sort(),
    ],
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
