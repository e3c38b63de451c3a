import { sql } from '@/core/db';
import type { Queryable } from '@/core/db/database';

export interface TicketSummary {
  id: number;
  summary: string | null;
  status: string | null;
  owner: string | null;
  type: string | null;
  priority: string | null;
  milestone: string | null;
}

/** Tickets that are not closed, in Trac's default query order (priority, then id). */
export async function listOpenTickets(options: {
  db: Queryable;
  limit: number;
}): Promise<TicketSummary[]> {
  // Priority order comes from the `enum` table; a priority missing there sorts last.
  const rows = await options.db.query<TicketSummary>(sql`
    SELECT t.id, t.summary, t.status, t.owner, t.type, t.priority, t.milestone
    FROM ticket t
    LEFT JOIN enum p ON p.type = 'priority' AND p.name = t.priority
    WHERE t.status IS DISTINCT FROM 'closed'
    ORDER BY CASE WHEN p.value ~ '^[0-9]+$' THEN p.value::int END NULLS LAST, t.id
    LIMIT ${options.limit}`);
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}
