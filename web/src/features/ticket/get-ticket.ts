import { fromTracTime } from '@learntrac/db/time';
import { sql } from '@/core/db';
import type { Queryable } from '@/core/db/database';
import {
  type AttachmentInfo,
  type AttachmentRow,
  toAttachmentInfo,
} from '@/features/attachment/list-attachments';

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
  attachments: AttachmentInfo[];
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

type TicketRow = Omit<
  Ticket,
  'time' | 'changetime' | 'changetimeMicros' | 'changes' | 'attachments'
> & {
  time: bigint | null;
  changetime: bigint | null;
  // Times inside JSON travel as text: a JSON number would not keep every microsecond.
  changes: (Omit<TicketChange, 'time' | 'timeMicros'> & { time: string })[];
  attachments: (Omit<AttachmentRow, 'time'> & { time: string | null })[];
};

/**
 * One ticket with its custom fields (by name), its change history (oldest change first) and
 * its attachments (by file name), read in one statement: the ticket page needs all of them.
 */
export async function getTicket(options: { db: Queryable; id: number }): Promise<Ticket | null> {
  const { db, id } = options;
  const rows = await db.query<TicketRow>(sql`
    SELECT t.id, t.type, t.time, t.changetime, t.component, t.severity, t.priority, t.owner,
           t.reporter, t.cc, t.version, t.milestone, t.status, t.resolution, t.summary,
           t.description, t.keywords,
           (SELECT COALESCE(json_agg(json_build_object('name', c.name, 'value', c.value)
                                     ORDER BY c.name), '[]')
            FROM ticket_custom c WHERE c.ticket = t.id) AS custom,
           (SELECT COALESCE(json_agg(json_build_object(
                      'time', ch.time::text, 'author', ch.author, 'field', ch.field,
                      'oldvalue', ch.oldvalue, 'newvalue', ch.newvalue)
                    ORDER BY ch.time, ch.field), '[]')
            FROM ticket_change ch WHERE ch.ticket = t.id) AS changes,
           (SELECT COALESCE(json_agg(json_build_object(
                      'type', a.type, 'id', a.id, 'filename', a.filename, 'size', a.size,
                      'time', a.time::text, 'description', a.description, 'author', a.author)
                    ORDER BY a.filename), '[]')
            FROM attachment a WHERE a.type = 'ticket' AND a.id = t.id::text) AS attachments
    FROM ticket t WHERE t.id = ${id}`);
  const row = rows[0];
  if (!row) return null;
  return {
    ...row,
    id: Number(row.id),
    time: fromTracTime(row.time),
    changetime: fromTracTime(row.changetime),
    changetimeMicros: row.changetime === null ? null : BigInt(row.changetime),
    changes: row.changes.map((change) => {
      const timeMicros = BigInt(change.time);
      return { ...change, time: fromTracTime(timeMicros), timeMicros };
    }),
    attachments: row.attachments.map((attachment) =>
      toAttachmentInfo({
        ...attachment,
        time: attachment.time === null ? null : BigInt(attachment.time),
      }),
    ),
  };
}
