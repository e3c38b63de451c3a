import { containsPattern, fromTracTime, toTracTime } from '@/core/db/database';
import type { Feature, TimelineEvent } from '@/core/feature';
import { ticketWikiSupport } from './ticket-links';

export const ticketFeature: Feature = {
  id: 'ticket',
  wiki: ticketWikiSupport,
  navigation: {
    label: 'New Ticket',
    href: '/newticket',
    order: 50,
    permission: 'TICKET_CREATE',
  },
  searchSource: {
    id: 'ticket',
    label: 'Tickets',
    permission: 'TICKET_VIEW',
    async search({ db, terms, limit }) {
      const patterns = terms.map(containsPattern);
      const rows = await db.$queryRaw<
        {
          id: number;
          summary: string | null;
          description: string | null;
          status: string | null;
          reporter: string | null;
          time: bigint | null;
        }[]
      >`SELECT id, summary, description, status, reporter, time FROM ticket
        WHERE (coalesce(summary, '') || ' ' || coalesce(description, '') || ' ' ||
               coalesce(keywords, '')) ILIKE ALL (${patterns}::text[])
        ORDER BY changetime DESC LIMIT ${limit}`;
      return rows.map((row) => ({
        href: `/ticket/${row.id}`,
        title: `#${row.id}: ${row.summary ?? ''} (${row.status ?? 'new'})`,
        excerpt: (row.description ?? '').slice(0, 240),
        author: row.reporter,
        time: fromTracTime(row.time),
      }));
    },
  },
  timelineProvider: {
    id: 'ticket',
    label: 'Ticket changes',
    permission: 'TICKET_VIEW',
    async listEvents({ db, from, to, limit }) {
      const since = toTracTime(from);
      const until = toTracTime(to);
      const [created, changed] = await Promise.all([
        db.$queryRaw<
          { id: number; summary: string | null; reporter: string | null; time: bigint }[]
        >`SELECT id, summary, reporter, time FROM ticket
          WHERE time >= ${since} AND time < ${until} ORDER BY time DESC LIMIT ${limit}`,
        // One event per change (a change is all rows sharing ticket, time and author).
        db.$queryRaw<
          {
            ticket: number;
            time: bigint;
            author: string | null;
            summary: string | null;
            fields: string[];
            comment: string | null;
          }[]
        >`SELECT c.ticket, c.time, c.author, t.summary,
                 array_agg(c.field ORDER BY c.field) FILTER (WHERE c.field <> 'comment') AS fields,
                 max(c.newvalue) FILTER (WHERE c.field = 'comment') AS comment
          FROM ticket_change c JOIN ticket t ON t.id = c.ticket
          WHERE c.time >= ${since} AND c.time < ${until}
          GROUP BY c.ticket, c.time, c.author, t.summary
          ORDER BY c.time DESC LIMIT ${limit}`,
      ]);
      const events: TimelineEvent[] = created.map((row) => ({
        time: fromTracTime(row.time) ?? from,
        kind: 'newticket',
        title: `Ticket #${row.id} (${row.summary ?? ''}) created`,
        href: `/ticket/${row.id}`,
        author: row.reporter,
        description: null,
      }));
      for (const row of changed) {
        const fields = row.fields ?? [];
        events.push({
          time: fromTracTime(row.time) ?? from,
          kind: 'editedticket',
          title: `Ticket #${row.ticket} (${row.summary ?? ''}) ${
            fields.length ? `${fields.join(', ')} changed` : 'commented'
          }`,
          href: `/ticket/${row.ticket}`,
          author: row.author,
          description: row.comment || null,
        });
      }
      return events;
    },
  },
};
