import { testServerUrl } from '@learntrac/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderWikiText } from '@/composition/render-wiki-text';
import type { Queryable, SqlQuery } from '@/core/db/database';
import { AppError } from '@/core/errors/app-error';
import type { Viewer } from '@/core/feature';
import { TICKET_CUSTOM_FIELDS_KEY } from '@/features/ticket/custom-fields';
import { TICKET_WORKFLOW_KEY } from '@/features/ticket/workflow';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { exportTicketQuery } from './export-ticket-query';
import { QuerySyntaxError } from './language';
import { loadQueryFields } from './load-query-fields';
import { queryFromParams } from './query-from-params';
import { runTicketQuery } from './run-ticket-query';

const serverUrl = testServerUrl();
const viewer: Viewer = { name: 'rita', permissions: new Set(['TICKET_VIEW']) };

describe.skipIf(!serverUrl)('ticket queries against PostgreSQL', () => {
  const t = useWebTestDatabase({ prefix: 'web_query', seed: true });

  beforeAll(async () => {
    // This suite's own fields replace the ones a new site starts with.
    await t.prisma.system.update({
      where: { name: TICKET_CUSTOM_FIELDS_KEY },
      data: {
        value: JSON.stringify([
          { name: 'difficulty', type: 'select', options: ['1', '2', '3'] },
          { name: 'graded', type: 'checkbox', value: '0' },
        ]),
      },
    });
    const rows = [
      ['Crash, on "start"', 'rita', 'new', 'blocker', '3', '1'],
      ['Slow page', 'ivan', 'accepted', 'major', '1', '0'],
      ['Old typo', 'rita', 'closed', 'trivial', '3', '1'],
      ['Add [wiki:Help help]', 'ivan', 'new', 'critical', '2', '1'],
    ] as const;
    for (const [i, [summary, owner, status, priority, difficulty, graded]] of rows.entries()) {
      const ticket = await t.prisma.ticket.create({
        data: {
          summary,
          owner,
          status,
          priority,
          type: 'defect',
          reporter: 'ada',
          time: BigInt(Date.UTC(2024, 0, i + 1)) * 1000n,
          changetime: BigInt(Date.UTC(2024, 0, i + 1)) * 1000n,
        },
      });
      await t.prisma.ticketCustom.createMany({
        data: [
          { ticketId: ticket.id, name: 'difficulty', value: difficulty },
          { ticketId: ticket.id, name: 'graded', value: graded },
        ],
      });
    }
  });

  it('lets TicketQuery and query: links in wiki text filter by custom fields', async () => {
    const html = await renderWikiText({
      db: t.db,
      viewer: { name: 'rita', permissions: new Set(['TICKET_VIEW']) },
      text: '[[TicketQuery(difficulty=3&status!=closed,format=count)]] [query:difficulty=3|2 hard]',
      context: { realm: 'wiki', id: 'Hard' },
    });
    expect(html).toMatch(/>1<\/span>/);
    expect(html).toContain('href="/query?difficulty=3&amp;difficulty=2"');
  });

  it('lets a TicketQuery table show the times of the tickets it lists', async () => {
    const html = await renderWikiText({
      db: t.db,
      viewer,
      text: '[[TicketQuery(id=2,format=table,col=id|time|changetime)]]',
      context: { realm: 'wiki', id: 'Times' },
    });
    const micros = String(Date.UTC(2024, 0, 2) * 1000);
    expect(html).toContain(`<td>${micros}</td><td>${micros}</td>`);
  });

  const run = async (url: string, user: string | null = 'rita') => {
    const fields = await loadQueryFields({ db: t.db });
    const query = queryFromParams(new URLSearchParams(url), fields);
    return runTicketQuery({ db: t.db, query, fields, user });
  };

  it('shows open tickets by priority when the URL asks for nothing', async () => {
    const result = await run('');
    expect(result.rows.map((r) => r.summary)).toEqual([
      'Crash, on "start"',
      'Add [wiki:Help help]',
      'Slow page',
    ]);
    expect(result.total).toBe(3);
  });

  it('filters and shows custom fields by name', async () => {
    const result = await run('difficulty=3&graded=1&col=summary&col=difficulty&order=id');
    expect(result.columns).toEqual(['id', 'summary', 'difficulty']);
    expect(result.rows.map((r) => [r.summary, r.difficulty])).toEqual([
      ['Crash, on "start"', '3'],
      ['Old typo', '3'],
    ]);
  });

  it('reads Trac bookmarks: operators in values, OR groups, $USER and id ranges', async () => {
    expect((await run('owner=$USER&status=!closed')).rows.map((r) => r.id)).toEqual([1]);
    expect(
      (await run('0_status=closed&1_priority=critical&order=id')).rows.map((r) => r.id),
    ).toEqual([3, 4]);
    expect((await run('summary=~typo')).rows.map((r) => r.id)).toEqual([3]);
    expect((await run('id=2-3,1&order=id&desc=1')).rows.map((r) => r.id)).toEqual([3, 2, 1]);
  });

  it('pages results and refuses a page past the last', async () => {
    const second = await run('status=!closed&max=2&page=2');
    expect(second.rows).toHaveLength(1);
    expect(second.total).toBe(3);
    await expect(run('status=!closed&max=2&page=3')).rejects.toBeInstanceOf(QuerySyntaxError);
  });

  it("offers Trac's statuses first, then the workflow's others in order, not every status a ticket holds", async () => {
    const stored = await t.prisma.system.findUniqueOrThrow({
      where: { name: TICKET_WORKFLOW_KEY },
    });
    const workflow = [
      ...JSON.parse(stored.value ?? '[]'),
      { name: 'verify', oldStates: ['accepted'], newState: 'verifying' },
      { name: 'test', oldStates: ['verifying'], newState: 'testing' },
    ];
    await t.prisma.system.update({
      where: { name: TICKET_WORKFLOW_KEY },
      data: { value: JSON.stringify(workflow) },
    });
    const stray = await t.prisma.ticket.create({
      data: { summary: 'Imported', status: 'limbo', time: 1n, changetime: 1n },
    });
    try {
      const fields = await loadQueryFields({ db: t.db });
      expect(fields.find((f) => f.name === 'status')?.options).toEqual([
        'new',
        'assigned',
        'accepted',
        'reopened',
        'closed',
        'testing',
        'verifying',
      ]);
    } finally {
      await t.prisma.ticket.delete({ where: { id: stray.id } });
      await t.prisma.system.update({
        where: { name: TICKET_WORKFLOW_KEY },
        data: { value: stored.value },
      });
    }
  });

  it('answers a page and how many tickets match in all with one statement', async () => {
    const fields = await loadQueryFields({ db: t.db });
    const sent: string[] = [];
    const db: Queryable = {
      query<Row>(query: SqlQuery) {
        sent.push(query.text);
        return t.db.query<Row>(query);
      },
    };
    for (const [url, ids] of [
      ['status=!closed&order=id&max=2', [1, 2]],
      ['status=!closed&order=id&max=2&page=2', [4]],
      ['difficulty=3&order=id&max=1', [1]],
    ] as const) {
      sent.length = 0;
      const query = queryFromParams(new URLSearchParams(url), fields);
      const result = await runTicketQuery({ db, query, fields, user: 'rita' });
      expect(result.rows.map((row) => row.id)).toEqual(ids);
      expect(result.total).toBe(url.startsWith('difficulty') ? 2 : 3);
      expect(sent).toHaveLength(1);
      expect(Object.keys(result.rows[0]!)).not.toContain('time');
    }
  });

  it('reports an unknown field as a query error', async () => {
    await expect(run('nosuchfield=1')).rejects.toThrow(/nosuchfield/);
  });

  it('exports CSV that starts with the id column, with a byte order mark and quoting', async () => {
    const file = await exportTicketQuery({
      db: t.db,
      viewer,
      params: new URLSearchParams('status=new&col=summary&col=time&order=id'),
      format: 'csv',
      baseUrl: 'http://example.org',
    });
    expect(file.contentType).toBe('text/csv;charset=utf-8');
    expect(file.filename).toBe('query.csv');
    expect(file.body.split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFid,summary,time',
      '1,"Crash, on ""start""",2024-01-01T00:00:00Z',
    ]);
  });

  it('exports tab-separated text and RSS with links to the tickets', async () => {
    const params = new URLSearchParams('status=new&order=id&col=summary');
    const tab = await exportTicketQuery({
      db: t.db,
      viewer,
      params,
      format: 'tab',
      baseUrl: 'http://x',
    });
    expect(tab.body.split('\r\n')[0]).toBe('\uFEFFid\tsummary');
    const rss = await exportTicketQuery({
      db: t.db,
      viewer,
      params,
      format: 'rss',
      baseUrl: 'http://x/',
    });
    expect(rss.body).toContain('<rss version="2.0">');
    expect(rss.body).toContain('<link>http://x/ticket/1</link>');
    expect(rss.body).toContain('&quot;start&quot;');
    expect(rss.body).toContain('<pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>');
  });

  it('refuses every export to a viewer without TICKET_VIEW', async () => {
    for (const format of ['csv', 'tab', 'rss'] as const) {
      await expect(
        exportTicketQuery({
          db: t.db,
          viewer: { name: null, permissions: new Set() },
          params: new URLSearchParams(),
          format,
          baseUrl: 'http://x',
        }),
      ).rejects.toBeInstanceOf(AppError);
    }
  });
});
