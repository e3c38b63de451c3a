import { testServerUrl } from '@learntrac/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { listPermissions } from '@/core/auth/roles';
import type { Queryable } from '@/core/db/database';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { renderWikiText, renderWikiTexts } from './render-wiki-text';

const serverUrl = testServerUrl();
const reader = { name: null, permissions: listPermissions(null) };

describe.skipIf(!serverUrl)('rendering wiki text for a viewer', () => {
  const t = useWebTestDatabase({ prefix: 'web_render' });
  // Notes each query's SQL, so the test sees which lookups a rendering makes.
  const watching = (statements: string[]): Queryable => ({
    query: (query) => {
      statements.push(query.text);
      return t.db.query(query);
    },
  });
  let openId: number;
  let closedId: number;

  beforeAll(async () => {
    const rows = await t.prisma.$queryRaw<{ id: number }[]>`
      INSERT INTO ticket (type, time, changetime, status, resolution, summary)
      VALUES ('defect', 1, 1, 'new', NULL, 'Login loops'),
             ('task', 1, 1, 'closed', 'fixed', 'Write the roadmap')
      RETURNING id`;
    openId = rows[0]!.id;
    closedId = rows[1]!.id;
    await t.prisma.$executeRawUnsafe(`
      INSERT INTO milestone (name, due, completed) VALUES ('v1', 0, 0), ('v0', 0, 5);
      INSERT INTO wiki (name, version, time, author, text, readonly) VALUES
        ('Course', 1, 10, 'ada', 'x', 0),
        ('Course/Week1', 1, 20, 'ada', 'x', 0),
        ('InterMapTxt', 1, 5, 'ada', '{{{\nWikipedia https://en.wikipedia.org/wiki/ # Article $1\n}}}', 1);
      INSERT INTO attachment (type, id, filename, size, time, author) VALUES ('wiki', 'Course', 'notes.txt', 3, 1, 'ada');
    `);
  });

  const render = (text: string, id = 'Course') =>
    renderWikiText({ db: t.db, viewer: reader, text, context: { realm: 'wiki', id } });

  it('marks ticket links by status with the ticket summary as title, and missing tickets', async () => {
    const html = await render(`#${openId} ticket:${closedId} #999`);
    expect(html).toContain(
      `class="new ticket" href="/ticket/${openId}" title="defect: Login loops (new)"`,
    );
    expect(html).toContain(
      `class="closed ticket" href="/ticket/${closedId}" title="task: Write the roadmap (closed: fixed)"`,
    );
    expect(html).toMatch(/class="missing ticket" href="\/ticket\/999" rel="nofollow"/);
  });

  it('marks missing wiki pages and finds pages under the current one first', async () => {
    const html = await render(
      'wiki:Course/Week1 [wiki:Week1 first week] NoSuchPage',
      'Course/Week2',
    );
    expect(html).toContain('<a class="wiki" href="/wiki/Course/Week1">wiki:Course/Week1</a>');
    expect(html).toContain('<a class="wiki" href="/wiki/Course/Week1">first week</a>');
    expect(html).toMatch(/class="missing wiki" href="\/wiki\/NoSuchPage"/);
  });

  it('marks closed and missing milestones', async () => {
    const html = await render('milestone:v1 milestone:v0 milestone:v9');
    expect(html).toContain('<a class="milestone" href="/milestone/v1">milestone:v1</a>');
    expect(html).toContain('class="closed milestone"');
    expect(html).toContain('class="missing milestone"');
  });

  it('links attachments and InterWiki prefixes from the InterMapTxt page', async () => {
    const html = await render('attachment:notes.txt attachment:gone.txt Wikipedia:Graph');
    expect(html).toContain('class="attachment" href="/attachment/wiki/Course/notes.txt"');
    expect(html).toContain('href="/raw-attachment/wiki/Course/notes.txt"');
    expect(html).toContain('class="missing attachment"');
    expect(html).toContain('href="https://en.wikipedia.org/wiki/Graph" title="Article Graph"');
  });

  it('lists pages and tickets in the data macros', async () => {
    const index = await render('[[TitleIndex(Course)]]');
    expect(index).toContain('href="/wiki/Course/Week1"');
    const tickets = await render('[[TicketQuery(status=closed, format=compact)]]');
    expect(tickets).toContain(`#${closedId}`);
    expect(tickets).not.toContain(`#${openId}<`);
    const count = await render('[[TicketQuery(status!=closed, format=count)]]');
    expect(count).toContain('>1</span>');
  });

  it('does not read the wiki page list for a text that links no page', async () => {
    const statements: string[] = [];
    const watched = watching(statements);
    const listsPages = () => statements.some((sql) => /DISTINCT ON \(name\)/.test(sql));
    const plain = await renderWikiText({
      db: watched,
      viewer: reader,
      text: `See #${openId} and milestone:v1.`,
      context: { realm: 'ticket', id: String(openId) },
    });
    expect(plain).toContain(`href="/ticket/${openId}"`);
    expect(listsPages()).toBe(false);
    await renderWikiText({
      db: watched,
      viewer: reader,
      text: 'See NoSuchPage.',
      context: { realm: 'ticket', id: String(openId) },
    });
    expect(listsPages()).toBe(true);
  });

  it('does not reveal tickets to a viewer without TICKET_VIEW', async () => {
    const nobody = { name: null, permissions: new Set<never>() };
    const html = await renderWikiText({
      db: t.db,
      viewer: nobody,
      text: `#${openId} [[TicketQuery(status=new)]]`,
      context: { realm: 'wiki', id: 'Course' },
    });
    expect(html).not.toContain('Login loops');
  });

  it('renders a list of one-liners as one by one, loading what they name once', async () => {
    const statements: string[] = [];
    const watched = watching(statements);
    const texts = [
      { text: `Crash after #${openId}`, context: { realm: 'ticket', id: '1' } },
      {
        text: `Follow-up to ticket:${closedId} for milestone:v0`,
        context: { realm: 'ticket', id: '2' },
      },
      { text: 'Plain summary with **bold**', context: { realm: 'ticket', id: '3' } },
      { text: 'See Course/Week1 and NoSuchPage', context: { realm: 'ticket', id: '4' } },
    ];
    const separately = await Promise.all(
      texts.map((item) =>
        renderWikiText({ db: t.db, viewer: reader, flavour: 'oneliner', ...item }),
      ),
    );
    const together = await renderWikiTexts({
      db: watched,
      viewer: reader,
      texts,
      flavour: 'oneliner',
    });
    expect(together).toEqual(separately);
    expect(together[0]).toContain(`href="/ticket/${openId}"`);
    expect(together[3]).toContain('class="missing wiki"');
    // One rendering makes each lookup once; a list of five makes them no more often.
    const single: string[] = [];
    const watchedOnce = watching(single);
    await renderWikiText({
      db: watchedOnce,
      viewer: reader,
      flavour: 'oneliner',
      text: texts.map((item) => item.text).join(' '),
      context: { realm: 'ticket', id: '1' },
    });
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.sort()).toEqual(single.sort());
  });

  it("finds each text's attachments under its own resource in a list", async () => {
    const [other, course] = await renderWikiTexts({
      db: t.db,
      viewer: reader,
      texts: [
        { text: 'attachment:notes.txt', context: { realm: 'wiki', id: 'Other' } },
        { text: 'attachment:notes.txt', context: { realm: 'wiki', id: 'Course' } },
      ],
      flavour: 'oneliner',
    });
    expect(course).toContain('class="attachment"');
    expect(other).toContain('class="missing attachment"');
  });
});
