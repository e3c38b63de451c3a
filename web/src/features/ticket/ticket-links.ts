import { sql } from '@/core/db';
import type { WikiSupport } from '@/core/feature';
import { element, makeHref, type RenderContext } from '@/wiki-engine';

/** `12`, `12#comment:3` or a range list `1-3,7`. */
function parseTicketTarget(target: string) {
  const [base = '', fragment = ''] = target.split('#', 2);
  const id = /^\d+$/.test(base) ? Number(base) : null;
  const isRanges = id === null && /^\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*$/.test(base);
  return { id, isRanges, base, fragment: fragment ? `#${fragment}` : '' };
}

/** `comment:3:ticket:12`, or `comment:3` inside a ticket. */
function parseCommentTarget(target: string, context: RenderContext) {
  const m = /^(\d+)(?::ticket:(\d+))?$/.exec(target);
  if (!m) return null;
  const ticket = m[2] ?? (context.realm === 'ticket' ? context.id : null);
  return ticket ? { comment: m[1]!, ticket: Number(ticket) } : null;
}

/** Trac's ticket link title: `defect: Summary (closed: fixed)`. */
export function formatTicketTitle(ticket: {
  type: string | null;
  summary: string | null;
  status: string | null;
  resolution: string | null;
}): string {
  let summary = (ticket.summary ?? '').replace(/\s+/g, ' ').trim();
  if (summary.length > 60) summary = `${summary.slice(0, 60).replace(/\s+\S*$/, '')} …`;
  if (ticket.type) summary = `${ticket.type}: ${summary}`;
  let status = ticket.status ?? 'new';
  if (status === 'closed' && ticket.resolution) status += `: ${ticket.resolution}`;
  return `${summary} (${status})`;
}

/** `#12`, `ticket:12`, ranges and `comment:` links, classed and titled by the ticket's state. */
export const ticketWikiSupport: WikiSupport = {
  namespaces: ['ticket', 'comment'],
  async prepare({ db, viewer, context, references }) {
    const ids = new Set<number>();
    for (const target of references.targets.get('ticket') ?? []) {
      const { id } = parseTicketTarget(target);
      if (id !== null && id <= 2_147_483_647) ids.add(id);
    }
    for (const target of references.targets.get('comment') ?? []) {
      const parsed = parseCommentTarget(target, context);
      if (parsed && parsed.ticket <= 2_147_483_647) ids.add(parsed.ticket);
    }
    const canView = viewer.permissions.has('TICKET_VIEW');
    const rows =
      canView && ids.size
        ? await db.query<{
            id: number;
            type: string | null;
            summary: string | null;
            status: string | null;
            resolution: string | null;
          }>(
            sql`SELECT id, type, summary, status, resolution FROM ticket WHERE id = ANY(${[...ids]}::int[])`,
          )
        : [];
    const tickets = new Map(rows.map((row) => [row.id, row]));
    const link = (id: number, fragment: string, labelHtml: string, ctx: RenderContext) => {
      const href = makeHref(ctx, 'ticket', String(id)) + fragment;
      const ticket = tickets.get(id);
      if (!canView) return element('a', { class: 'ticket', href }, labelHtml);
      if (!ticket) {
        return element('a', { class: 'missing ticket', href, rel: 'nofollow' }, labelHtml);
      }
      return element(
        'a',
        { class: `${ticket.status ?? 'new'} ticket`, href, title: formatTicketTitle(ticket) },
        labelHtml,
      );
    };
    return {
      resolvers: {
        ticket: ({ target, labelHtml, match, context: ctx }) => {
          const parsed = parseTicketTarget(target);
          if (parsed.id !== null) return link(parsed.id, parsed.fragment, labelHtml, ctx);
          if (parsed.isRanges) {
            return element(
              'a',
              {
                href: `${makeHref(ctx, 'query')}?id=${encodeURIComponent(parsed.base)}`,
                title: `Tickets ${parsed.base}`,
              },
              labelHtml,
            );
          }
          return element('a', { class: 'missing ticket', rel: 'nofollow' }, match);
        },
        comment: ({ target, labelHtml, context: ctx }) => {
          const parsed = parseCommentTarget(target, ctx);
          if (!parsed) return element('a', { class: 'missing ticket', rel: 'nofollow' }, labelHtml);
          const href = `${makeHref(ctx, 'ticket', String(parsed.ticket))}#comment:${parsed.comment}`;
          if (!tickets.has(parsed.ticket)) {
            return element('a', { class: 'missing ticket', href, rel: 'nofollow' }, labelHtml);
          }
          return element(
            'a',
            {
              class: 'ticket',
              href,
              title: `Comment ${parsed.comment} for Ticket #${parsed.ticket}`,
            },
            labelHtml,
          );
        },
      },
    };
  },
};
