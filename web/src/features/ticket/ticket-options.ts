import { sql } from '@/core/db';
import type { Queryable } from '@/core/db/database';

/** The choices the ticket form offers, each list in the site's configured order. */
export interface TicketOptions {
  types: string[];
  priorities: string[];
  severities: string[];
  resolutions: string[];
  components: string[];
  /** Default owner of each component's tickets (Trac assigns new tickets to it). */
  componentOwners: Record<string, string>;
  /** Open milestones; a ticket's current completed milestone is added where it is shown. */
  milestones: string[];
  versions: string[];
}

export async function loadTicketOptions(options: { db: Queryable }): Promise<TicketOptions> {
  const { db } = options;
  const [enums, components, milestones, versions] = await Promise.all([
    db.query<{ type: string; name: string }>(sql`
      SELECT type, name FROM enum
      WHERE type IN ('ticket_type', 'priority', 'severity', 'resolution')
      ORDER BY type, CASE WHEN value ~ '^[0-9]+$' THEN value::int END, value, name`),
    db.query<{ name: string; owner: string | null }>(sql`
      SELECT name, owner FROM component ORDER BY name`),
    db.query<{ name: string }>(sql`
      SELECT name FROM milestone WHERE coalesce(completed, 0) = 0
      ORDER BY CASE WHEN coalesce(due, 0) = 0 THEN 1 ELSE 0 END, due, name`),
    db.query<{ name: string }>(sql`
      SELECT name FROM version ORDER BY CASE WHEN coalesce(time, 0) = 0 THEN 1 ELSE 0 END, time, name`),
  ]);
  const of = (type: string) => enums.filter((row) => row.type === type).map((row) => row.name);
  return {
    types: of('ticket_type'),
    priorities: of('priority'),
    severities: of('severity'),
    resolutions: of('resolution'),
    components: components.map((row) => row.name),
    componentOwners: Object.fromEntries(
      components.flatMap((row) => (row.owner ? [[row.name, row.owner]] : [])),
    ),
    milestones: milestones.map((row) => row.name),
    versions: versions.map((row) => row.name),
  };
}
