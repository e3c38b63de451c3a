import { testServerUrl } from '@learntrac/db/testing';
import { changeTicket, createTicket } from '@learntrac/db/tickets';
import { beforeAll, describe, expect, it } from 'vitest';
import { features } from '@/composition/registry';
import { listPermissions, type Permission } from '@/core/auth/roles';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { resolveQuickJump } from './resolve-quick-jump';
import { searchEverything } from './search-everything';
import { splitHighlights } from './split-highlights';

const serverUrl = testServerUrl();
const anonymous = listPermissions(null);
const viewerOf = (permissions: ReadonlySet<Permission>) => ({ name: null, permissions });

describe('splitHighlights', () => {
  it('turns the highlight marks into parts, keeping markup as plain text', () => {
    expect(splitHighlights('a \u0002<b>x</b>\u0003 c')).toEqual([
      { text: 'a ', highlighted: false },
      { text: '<b>x</b>', highlighted: true },
      { text: ' c', highlighted: false },
    ]);
  });
});

describe.skipIf(!serverUrl)('search against PostgreSQL', () => {
  const t = useWebTestDatabase({ prefix: 'web_search' });
  let loginTicket: number;
  let commentTicket: number;
  let scriptTicket: number;

  beforeAll(async () => {
    loginTicket = (
      await createTicket({
        db: t.prisma,
        author: 'ada',
        fields: {
          summary: 'Login page loops',
          description: 'After signing in the browser loops.',
          keywords: 'auth',
        },
      })
    ).id;
    commentTicket = (
      await createTicket({
        db: t.prisma,
        author: 'lea',
        fields: { summary: 'Slow dashboard', description: 'It takes ages.' },
      })
    ).id;
    await changeTicket({
      db: t.prisma,
      ticketId: commentTicket,
      author: 'ivan',
      comment: 'Caused by the login cache, I think.',
    });
    scriptTicket = (
      await createTicket({
        db: t.prisma,
        author: 'eve',
        fields: {
          summary: 'Odd input',
          description: '<script>alert(1)</script> breaks the login form',
        },
      })
    ).id;
    for (let n = 0; n < 12; n += 1) {
      await createTicket({
        db: t.prisma,
        author: 'bot',
        fields: { summary: `Paging example ${n}`, description: 'pagination filler' },
      });
    }
    await t.prisma.$executeRawUnsafe(`
      INSERT INTO wiki (name, version, time, author, text, comment) VALUES
        ('LoginHelp', 1, 1, 'ada', 'Old words about nothing', ''),
        ('LoginHelp', 2, 2, 'ada', 'How to login with your account', ''),
        ('Archive', 1, 1, 'ada', 'outdated login notes', ''),
        ('Archive', 2, 2, 'ada', 'nothing here any more', '');
      INSERT INTO milestone (name, due, completed, description) VALUES ('m1', 0, 0, 'Login rework');
    `);
  });

  const search = (query: string, extra: Partial<Parameters<typeof searchEverything>[0]> = {}) =>
    searchEverything({ db: t.db, features, permissions: anonymous, query, ...extra });

  it('finds tickets by summary, description and comments, wiki pages and milestones, best first', async () => {
    const { hits } = await search('login');
    const hrefs = hits.map((h) => h.href);
    expect(hrefs).toEqual(
      expect.arrayContaining([
        `/ticket/${loginTicket}`,
        `/ticket/${commentTicket}`,
        `/ticket/${scriptTicket}`,
        '/wiki/LoginHelp',
        '/milestone/m1',
      ]),
    );
    // The summary match outranks a match in a comment.
    expect(hrefs.indexOf(`/ticket/${loginTicket}`)).toBeLessThan(
      hrefs.indexOf(`/ticket/${commentTicket}`),
    );
    // Only a page's latest version is searched.
    expect(hrefs).not.toContain('/wiki/Archive');
  });

  it('stems words and highlights the matches in the excerpt', async () => {
    const { hits } = await search('looping');
    const hit = hits.find((h) => h.href === `/ticket/${loginTicket}`);
    expect(hit?.excerpt).toContain('\u0002loops\u0003');
    const comment = (await search('cache')).hits.find((h) => h.href === `/ticket/${commentTicket}`);
    expect(comment?.excerpt).toContain('\u0002cache\u0003');
  });

  it('returns HTML in an excerpt as text, never as markup', async () => {
    const hit = (await search('breaks')).hits.find((h) => h.href === `/ticket/${scriptTicket}`);
    const html = splitHighlights(hit?.excerpt ?? '')
      .filter((p) => !p.highlighted)
      .map((p) => p.text)
      .join('');
    expect(html).not.toMatch(/<script/i);
  });

  it('pages through results and limits them to the chosen sources', async () => {
    const first = await search('pagination', { pageSize: 10 });
    expect(first.hits).toHaveLength(10);
    expect(first.hasMore).toBe(true);
    const second = await search('pagination', { pageSize: 10, page: 2 });
    expect(second.hits).toHaveLength(2);
    expect(second.hasMore).toBe(false);
    expect(new Set([...first.hits, ...second.hits].map((h) => h.href)).size).toBe(12);
    const wikiOnly = await search('login', { sourceIds: ['wiki'] });
    expect(wikiOnly.hits.map((h) => h.source)).toEqual(['wiki']);
  });

  it('leaves out sources the viewer may not see', async () => {
    const noTickets = new Set<Permission>(['SEARCH_VIEW', 'WIKI_VIEW']);
    const { hits } = await searchEverything({
      db: t.db,
      features,
      permissions: noTickets,
      query: 'login',
    });
    expect(hits.map((h) => h.source)).toEqual(['wiki']);
  });

  it('matches words spread over a ticket and its comments, and follows later changes', async () => {
    const ticketHrefs = async (query: string) =>
      (await search(query, { sourceIds: ['ticket'] })).hits.map((h) => h.href);
    // "dashboard" is in the summary, "cache" only in a comment.
    expect(await ticketHrefs('dashboard cache')).toEqual([`/ticket/${commentTicket}`]);

    await changeTicket({
      db: t.prisma,
      ticketId: commentTicket,
      author: 'lea',
      changes: { summary: 'Slow reporting screen' },
    });
    expect(await ticketHrefs('dashboard')).toEqual([]);
    expect(await ticketHrefs('reporting screen')).toEqual([`/ticket/${commentTicket}`]);
  });

  it('jumps to what a TracLink typed into the box names', async () => {
    const jump = (query: string) =>
      resolveQuickJump({ db: t.db, viewer: viewerOf(anonymous), query, features });
    expect(await jump(`#${loginTicket}`)).toBe(`/ticket/${loginTicket}`);
    expect(await jump(`ticket:${loginTicket}`)).toBe(`/ticket/${loginTicket}`);
    expect(await jump('wiki:LoginHelp')).toBe('/wiki/LoginHelp');
    expect(await jump('milestone:m1')).toBe('/milestone/m1');
  });

  it('searches instead of jumping for words, missing things, outside links and a leading !', async () => {
    const jump = (query: string) =>
      resolveQuickJump({ db: t.db, viewer: viewerOf(anonymous), query, features });
    expect(await jump('login')).toBeNull();
    expect(await jump('login page')).toBeNull();
    expect(await jump('#999999')).toBeNull();
    expect(await jump('milestone:nope')).toBeNull();
    expect(await jump('https://example.org/')).toBeNull();
    expect(await jump(`!#${loginTicket}`)).toBeNull();
  });
});
