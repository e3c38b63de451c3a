import { fromTracTime } from '@learntrac/db/time';
import { sql } from '@/core/db';
import type { Queryable } from '@/core/db/database';

export interface Ticket {
  id: number;
  type: string | null;
  time: Date | null;
  changetime: Date | null;
  /** `changetime` in Trac's microseconds, exact: the token that detects mid-air collisions. */
  changetimeMicros: bigint | null;
  component: string | null;
  severity: string | null;
  priority: string | null;
  owner: string | null;
  reporter: string | null;
  cc: string | null;
  version: string | null;
  milestone: string | null;
  status: string | null;
  resolution: string | null;
  summary: string | null;
  description: string | null;
  keywords: string | null;
  custom: { name: string; value: string | null }[];
  changes: TicketChange[];
}

export interface TicketChange {
  time: Date | null;
  /** `time` in Trac's microseconds: identifies the change (and a comment) exactly. */
  timeMicros: bigint;
  author: string | null;
  field: string;
  oldvalue: string | null;
  newvalue: string | null;
}

type TicketRow = Omit<Ticket, 'time' | 'changetime' | 'changetimeMicros' | 'custom' | 'changes'> & {
  time: bigint | null;
  changetime: bigint | null;
};

/** One ticket with its custom fields and its change history, oldest change first. */
export async function getTicket(options: { db: Queryable; id: number }): Promise<Ticket | null> {
  const { db, id } = options;
  const rows = await db.query<TicketRow>(sql`
    SELECT id, type, time, changetime, component, severity, priority, owner, reporter, cc,
           version, milestone, status, resolution, summary, description, keywords
    FROM ticket WHERE id = ${id}`);
  const row = rows[0];
  if (!row) return null;
  const [custom, changes] = await Promise.all([
    db.query<Ticket['custom'][number]>(sql`
      SELECT name, value FROM ticket_custom WHERE ticket = ${id} ORDER BY name`),
    db.query<Omit<TicketChange, 'time' | 'timeMicros'> & { time: bigint }>(sql`
      SELECT time, author, field, oldvalue, newvalue FROM ticket_change
      WHERE ticket = ${id} ORDER BY time, field`),
  ]);
  return {
    ...row,
    id: Number(row.id),
    time: fromTracTime(row.time),
    changetime: fromTracTime(row.changetime),
    changetimeMicros: row.changetime === null ? null : BigInt(row.changetime),
    custom,
    changes: changes.map((change) => ({
      ...change,
      time: fromTracTime(change.time),
      timeMicros: BigInt(change.time),
    })),
  };
}
