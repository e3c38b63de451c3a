import { testServerUrl } from '@learntrac/db/testing';
import { changeTicket, createTicket } from '@learntrac/db/tickets';
import { beforeAll, describe, expect, it } from 'vitest';
import { features } from '@/composition/registry';
import { listPermissions, type Permission } from '@/core/auth/roles';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { listTimeline, parseAuthors, parseTimelineRange } from './list-timeline';
import { renderTimelineRss } from './render-timeline-rss';

const serverUrl = testServerUrl();
const anonymous = listPermissions(null);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const at = (iso: string) => new Date(iso);

describe('timeline parameters', () => {
  it("reads Trac's from and daysback, falling back on bad values", () => {
    const now = at('2025-03-10T12:00:00Z');
    const range = parseTimelineRange({ from: '2025-03-05', daysBack: '2', now });
    expect([range.from.toISOString(), range.to.toISOString()]).toEqual([
      '2025-03-03T00:00:00.000Z',
      '2025-03-06T00:00:00.000Z',
    ]);
    expect(parseTimelineRange({ from: 'soon', daysBack: 'many', now })).toMatchObject({
      lastDay: '2025-03-10',
      daysBack: 30,
    });
    expect(parseTimelineRange({ daysBack: '100000', now }).daysBack).toBe(365);
  });

  it('reads authors to include and, with a minus, to leave out', () => {
    expect(parseAuthors('ada, -bob  cy')).toEqual({ include: ['ada', 'cy'], exclude: ['bob'] });
  });

  it('escapes every field in the RSS feed', () => {
    const xml = renderTimelineRss({
      events: [
        {
          time: at('2025-01-01T00:00:00Z'),
          kind: 'wiki',
          title: '<b>&',
          href: '/wiki/A',
          author: 'x"y',
          description: '<script>',
        },
      ],
      baseUrl: 'http://localhost:8000',
      pageUrl: 'http://localhost:8000/timeline',
    });
    expect(xml).toContain('<title>&lt;b&gt;&amp;</title>');
    expect(xml).toContain('<link>http://localhost:8000/wiki/A</link>');
    expect(xml).not.toContain('<script>');
  });
});

describe.skipIf(!serverUrl)('timeline against PostgreSQL', () => {
  const t = useWebTestDatabase({ prefix: 'web_timeline' });
  let ticketId: number;

  beforeAll(async () => {
    ticketId = (
      await createTicket({
        db: t.prisma,
        author: 'lea',
        fields: { summary: 'Broken quiz' },
        now: at('2025-03-01T09:00:00Z'),
      })
    ).id;
    await changeTicket({
      db: t.prisma,
      ticketId,
      author: 'ivan',
      changes: { priority: 'major' },
      comment: 'Looking',
      now: at('2025-03-02T10:00:00Z'),
    });
    await changeTicket({
      db: t.prisma,
      ticketId,
      author: 'ivan',
      comment: 'Only a note',
      now: at('2025-03-02T11:00:00Z'),
    });
    await changeTicket({
      db: t.prisma,
      ticketId,
      author: 'ivan',
      changes: { status: 'closed', resolution: 'fixed' },
      comment: 'Done',
      now: at('2025-03-03T10:00:00Z'),
    });
    await changeTicket({
      db: t.prisma,
      ticketId,
      author: 'lea',
      changes: { status: 'reopened', resolution: '' },
      now: at('2025-03-04T10:00:00Z'),
    });
    const micros = (iso: string) => BigInt(at(iso).getTime()) * 1000n;
    await t.prisma.$executeRawUnsafe(`
      INSERT INTO wiki (name, version, time, author, text, comment) VALUES
        ('Guide', 1, ${micros('2025-03-01T08:00:00Z')}, 'ada', 'x', 'new'),
        ('Guide', 2, ${micros('2025-03-02T08:00:00Z')}, 'ada', 'y', 'more');
      INSERT INTO milestone (name, due, completed, description) VALUES
        ('Week 1', 0, ${micros('2025-03-03T12:00:00Z')}, 'First week');
    `);
  });

  const list = (extra: Partial<Parameters<typeof listTimeline>[0]> = {}) =>
    listTimeline({
      db: t.db,
      features,
      permissions: anonymous,
      from: day('2025-03-01'),
      to: day('2025-03-05'),
      limit: 100,
      ...extra,
    });

  it('shows tickets opened, updated, commented, closed and reopened, wiki edits and milestones, newest first', async () => {
    const events = await list();
    expect(events.map((e) => [e.kind, e.title])).toEqual([
      ['reopenedticket', `Ticket #${ticketId} (Broken quiz) reopened`],
      ['milestone', 'Milestone Week 1 completed'],
      ['closedticket', `Ticket #${ticketId} (Broken quiz) closed as fixed`],
      ['editedticket', `Ticket #${ticketId} (Broken quiz) commented`],
      ['editedticket', `Ticket #${ticketId} (Broken quiz) updated`],
      ['wiki', 'Guide edited'],
      ['newticket', `Ticket #${ticketId} (Broken quiz) created`],
      ['wiki', 'Guide created'],
    ]);
    const closed = events.find((e) => e.kind === 'closedticket');
    expect(closed).toMatchObject({
      author: 'ivan',
      description: 'Done',
      href: `/ticket/${ticketId}#comment:3`,
    });
    expect(events.find((e) => e.title.endsWith('updated'))?.description).toBe(
      'Changed priority. Looking',
    );
  });

  it('shows only the kinds ticked', async () => {
    const openClose = await list({ filters: ['ticket'] });
    expect(openClose.map((e) => e.kind)).toEqual(['reopenedticket', 'closedticket', 'newticket']);
    const wiki = await list({ filters: ['wiki', 'milestone'] });
    expect(wiki.map((e) => e.kind)).toEqual(['milestone', 'wiki', 'wiki']);
  });

  it('filters by author, both ways', async () => {
    const byIvan = await list({ authors: { include: ['ivan'], exclude: [] } });
    expect(new Set(byIvan.map((e) => e.author))).toEqual(new Set(['ivan']));
    expect(byIvan).toHaveLength(3);
    const notIvan = await list({ authors: { include: [], exclude: ['ivan'] } });
    expect(notIvan.some((e) => e.author === 'ivan')).toBe(false);
    expect(notIvan.some((e) => e.kind === 'milestone')).toBe(true);
  });

  it('keeps to the date range and the limit', async () => {
    const oneDay = await list({ from: day('2025-03-02'), to: day('2025-03-03') });
    expect(oneDay.map((e) => e.kind)).toEqual(['editedticket', 'editedticket', 'wiki']);
    expect(await list({ limit: 2 })).toHaveLength(2);
  });

  it('shows only what the viewer may see', async () => {
    const wikiOnly = new Set<Permission>(['TIMELINE_VIEW', 'WIKI_VIEW']);
    expect((await list({ permissions: wikiOnly })).map((e) => e.kind)).toEqual(['wiki', 'wiki']);
    expect(await list({ permissions: new Set<Permission>(['TIMELINE_VIEW']) })).toEqual([]);
  });
});
