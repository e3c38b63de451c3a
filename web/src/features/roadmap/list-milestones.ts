import type { Database } from '@/core/db/database';
import { fromTracTime } from '@/core/db/database';

export interface MilestoneProgress {
  name: string;
  due: Date | null;
  completed: Date | null;
  description: string | null;
  openTickets: number;
  closedTickets: number;
}

/** Milestones with their ticket counts: open ones by due date (undated last), as Trac's roadmap. */
export async function listMilestones(options: {
  db: Database;
  includeCompleted: boolean;
}): Promise<MilestoneProgress[]> {
  const rows = await options.db.$queryRaw<
    {
      name: string;
      due: bigint | null;
      completed: bigint | null;
      description: string | null;
      open_tickets: bigint;
      closed_tickets: bigint;
    }[]
  >`SELECT m.name, m.due, m.completed, m.description,
           count(t.id) FILTER (WHERE t.status IS DISTINCT FROM 'closed') AS open_tickets,
           count(t.id) FILTER (WHERE t.status = 'closed') AS closed_tickets
    FROM milestone m LEFT JOIN ticket t ON t.milestone = m.name
    WHERE ${options.includeCompleted} OR coalesce(m.completed, 0) = 0
    GROUP BY m.name, m.due, m.completed, m.description
    ORDER BY coalesce(m.completed, 0) = 0 DESC, nullif(m.due, 0) NULLS LAST, m.name`;
  return rows.map((row) => ({
    name: row.name,
    due: row.due ? fromTracTime(row.due) : null,
    completed: row.completed ? fromTracTime(row.completed) : null,
    description: row.description,
    openTickets: Number(row.open_tickets),
    closedTickets: Number(row.closed_tickets),
  }));
}
