import { fromTracTime, toTracTime } from '@learntrac/db/time';
import { sql } from '@/core/db';

import { type Feature, HEADLINE_OPTIONS, type TimelineEvent } from '@/core/feature';
import { ticketAttachmentHref } from './ticket-attachment-links';
import { ticketWikiSupport } from './ticket-links';
import { ticketAdminPanels } from './ui/admin/ticket-admin-panels';

export const ticketFeature: Feature = {
  id: 'ticket',
  wiki: ticketWikiSupport,
  adminPanels: ticketAdminPanels,
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
    async search({ db, query, limit }) {
      // Each ticket has one stored document (summary, keywords, description and comments;
      // migration ticket_fulltext), so a search may match words spread over all of them.
      // Only the 500 most recently changed matches are ranked (Trac lists every match newest
      // first): for a word in half of all tickets PostgreSQL then walks the changetime index
      // and stops early, and for a rare word it takes the full-text index. The query must stay
      // inline (not a CTE) so the planner sees the words and can choose.
      const rows = await db.query<{
        id: number;
        summary: string | null;
        status: string | null;
        type: string | null;
        reporter: string | null;
        time: bigint | null;
        rank: number;
        excerpt: string | null;
      }>(sql`WITH best AS (
          SELECT m.ticket, ts_rank(m.document, websearch_to_tsquery('english', ${query})) AS rank
          FROM (SELECT f.ticket, f.document FROM ticket_fulltext f
                WHERE f.document @@ websearch_to_tsquery('english', ${query})
                ORDER BY f.changetime DESC LIMIT 500) m
          ORDER BY rank DESC, m.ticket DESC LIMIT ${limit})
        SELECT t.id, t.summary, t.status, t.type, t.reporter, t.time, b.rank::float8 AS rank,
               ts_headline('english',
                 concat_ws(' … ', nullif(t.description, ''),
                   (SELECT string_agg(c.newvalue, ' … ') FROM (
                      SELECT c.newvalue FROM ticket_change c
                      WHERE c.ticket = t.id AND c.field = 'comment'
                        AND to_tsvector('english', coalesce(c.newvalue, ''))
                            @@ websearch_to_tsquery('english', ${query})
                      ORDER BY c.time LIMIT 2) c)),
                 websearch_to_tsquery('english', ${query}), ${HEADLINE_OPTIONS}) AS excerpt
        FROM best b JOIN ticket t ON t.id = b.ticket
        ORDER BY b.rank DESC, t.id DESC`);
      return rows.map((row) => ({
        href: `/ticket/${row.id}`,
        title: `#${row.id}: ${row.summary ?? ''} (${[row.type, row.status ?? 'new'].filter(Boolean).join(': ')})`,
        excerpt: row.excerpt ?? '',
        author: row.reporter,
        time: fromTracTime(row.time),
        rank: row.rank,
      }));
    },
  },
  timelineProvider: {
    id: 'ticket',
    permission: 'TICKET_VIEW',
    filters: [
      { id: 'ticket', label: 'Tickets opened and closed' },
      { id: 'ticket_details', label: 'Ticket updates' },
    ],
    async listEvents({ db, from, to, limit, filters, authors }) {
      const since = toTracTime(from);
      const until = toTracTime(to);
      const openClose = filters.includes('ticket');
      const details = filters.includes('ticket_details');
      const include = [...authors.include];
      const exclude = [...authors.exclude];
      const [created, changed, attached] = await Promise.all([
        openClose
          ? db.query<{
              id: number;
              summary: string | null;
              type: string | null;
              reporter: string | null;
              time: bigint;
              description: string | null;
            }>(sql`SELECT id, summary, type, reporter, time, left(description, 300) AS description
              FROM ticket
              WHERE time >= ${since} AND time < ${until}
                AND (cardinality(${include}::text[]) = 0 OR reporter = ANY(${include}::text[]))
                AND coalesce(reporter, '') <> ALL(${exclude}::text[])
              ORDER BY time DESC LIMIT ${limit}`)
          : [],
        openClose || details
          ? // A change is all rows sharing ticket and time. The newest `limit` changes are found
            // through the time index first, so a busy month costs no more than a quiet one.
            db.query<{
              ticket: number;
              time: bigint;
              author: string | null;
              summary: string | null;
              fields: string[] | null;
              comment: string | null;
              comment_number: string | null;
              old_status: string | null;
              new_status: string | null;
              resolution: string | null;
            }>(sql`WITH recent AS (
                -- Only the changes shown are joined to their rows and tickets.
                SELECT ticket, time FROM (
                  SELECT DISTINCT ticket, time FROM (
                    SELECT ticket, time FROM ticket_change
                    WHERE time >= ${since} AND time < ${until}
                      AND (${details} OR field = 'status')
                      AND (cardinality(${include}::text[]) = 0 OR author = ANY(${include}::text[]))
                      AND coalesce(author, '') <> ALL(${exclude}::text[])
                    ORDER BY time DESC LIMIT ${limit * 8}) r) d
                ORDER BY time DESC LIMIT ${limit})
              SELECT c.ticket, c.time, max(c.author) AS author, t.summary,
                     array_agg(c.field ORDER BY c.field) FILTER (WHERE c.field <> 'comment' AND left(c.field, 8) <> '_comment') AS fields,
                     max(c.newvalue) FILTER (WHERE c.field = 'comment') AS comment,
                     max(c.oldvalue) FILTER (WHERE c.field = 'comment') AS comment_number,
                     max(c.oldvalue) FILTER (WHERE c.field = 'status') AS old_status,
                     max(c.newvalue) FILTER (WHERE c.field = 'status') AS new_status,
                     max(c.newvalue) FILTER (WHERE c.field = 'resolution') AS resolution
              FROM recent r
              JOIN ticket_change c ON c.ticket = r.ticket AND c.time = r.time
              JOIN ticket t ON t.id = c.ticket
              GROUP BY c.ticket, c.time, t.summary
              ORDER BY c.time DESC LIMIT ${limit}`)
          : [],
        // Trac lists files attached to tickets among the ticket updates; they have no change rows.
        details
          ? db.query<{
              id: string;
              filename: string;
              time: bigint;
              author: string | null;
              description: string | null;
              summary: string | null;
            }>(sql`SELECT a.id, a.filename, a.time, a.author, a.description, t.summary
              FROM attachment a JOIN ticket t ON t.id::text = a.id
              WHERE a.type = 'ticket' AND a.time >= ${since} AND a.time < ${until}
                AND (cardinality(${include}::text[]) = 0 OR a.author = ANY(${include}::text[]))
                AND coalesce(a.author, '') <> ALL(${exclude}::text[])
              ORDER BY a.time DESC LIMIT ${limit}`)
          : [],
      ]);
      const events: TimelineEvent[] = created.map((row) => ({
        time: fromTracTime(row.time) ?? from,
        kind: 'newticket',
        title: `Ticket #${row.id} (${row.summary ?? ''}) created`,
        href: `/ticket/${row.id}`,
        author: row.reporter,
        description: [row.type, row.description].filter(Boolean).join(': ') || null,
      }));
      for (const row of changed) {
        const closed = row.new_status === 'closed' && row.old_status !== 'closed';
        const reopened = row.old_status === 'closed' && row.new_status !== 'closed';
        if (closed || reopened ? !openClose : !details) continue;
        const fields = (row.fields ?? []).filter((field) => field !== 'resolution' || !closed);
        const commentNumber = row.comment ? row.comment_number?.split('.').pop() : undefined;
        events.push({
          time: fromTracTime(row.time) ?? from,
          kind: closed ? 'closedticket' : reopened ? 'reopenedticket' : 'editedticket',
          title: `Ticket #${row.ticket} (${row.summary ?? ''}) ${
            closed
              ? `closed${row.resolution ? ` as ${row.resolution}` : ''}`
              : reopened
                ? 'reopened'
                : fields.length
                  ? 'updated'
                  : 'commented'
          }`,
          href: `/ticket/${row.ticket}${commentNumber ? `#comment:${commentNumber}` : ''}`,
          author: row.author,
          description:
            [
              fields.length && !closed && !reopened ? `Changed ${fields.join(', ')}.` : '',
              row.comment ?? '',
            ]
              .filter(Boolean)
              .join(' ')
              .slice(0, 300) || null,
        });
      }
      for (const row of attached) {
        events.push({
          time: fromTracTime(row.time) ?? from,
          kind: 'attachment',
          title: `${row.filename} attached to Ticket #${row.id} (${row.summary ?? ''})`,
          href: ticketAttachmentHref(Number(row.id), row.filename),
          author: row.author,
          description: row.description || null,
        });
      }
      return events.sort((a, b) => b.time.getTime() - a.time.getTime()).slice(0, limit);
    },
  },
};
