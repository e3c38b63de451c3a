import { testServerUrl } from '@learntrac/db/testing';
import { toTracTime } from '@learntrac/db/time';
import { beforeAll, describe, expect, it } from 'vitest';
import { features } from '@/composition/registry';
import { listPermissions } from '@/core/auth/roles';

import { parseQueryString, standardTicketFields } from '@/features/query/language';
import { runTicketQuery } from '@/features/query/run-ticket-query';
import { listMilestones } from '@/features/roadmap/list-milestones';
import { searchEverything } from '@/features/search/search-everything';
import { getTicket } from '@/features/ticket/get-ticket';
import { listTimeline } from '@/features/timeline/list-timeline';
import { getWikiPage } from '@/features/wiki/get-wiki-page';
import { useWebTestDatabase } from '@/test/use-web-test-database';

const serverUrl = testServerUrl();

const HOUR = 60 * 60 * 1000;
const now = Date.now();
const at = (hoursAgo: number) => toTracTime(new Date(now - hoursAgo * HOUR));

describe.skipIf(!serverUrl)('Trac views over a real database', () => {
  const t = useWebTestDatabase({ prefix: 'web_views' });
  let openId: number;
  let closedId: number;

  beforeAll(async () => {
    await t.prisma.$executeRawUnsafe(`
      INSERT INTO enum (type, name, value) VALUES ('priority', 'critical', '2'), ('priority', 'minor', '4');
      INSERT INTO milestone (name, due, completed, description) VALUES
        ('v1', ${at(-240)}, 0, 'First release'),
        ('v0', 0, ${at(500)}, 'Done long ago');
    `);
    const rows = await t.prisma.$queryRaw<{ id: number }[]>`
      INSERT INTO ticket (type, time, changetime, priority, owner, reporter, milestone, status, summary, description, keywords)
      VALUES ('defect', ${at(5)}, ${at(1)}, 'minor', 'ada', 'lea', 'v1', 'assigned', 'Login 100% broken', 'The sign-in page loops', 'auth'),
             ('task', ${at(4)}, ${at(2)}, 'critical', null, 'ivan', 'v1', 'closed', 'Write the roadmap', 'Plan it', ''),
             ('task', ${at(3)}, ${at(3)}, 'critical', 'ivan', 'ivan', null, 'new', 'Seed concepts', '', '')
      RETURNING id`;
    openId = rows[0]!.id;
    closedId = rows[1]!.id;
    await t.prisma.$executeRawUnsafe(`
      INSERT INTO ticket_custom (ticket, name, value) VALUES (${openId}, 'difficulty', '3');
      INSERT INTO ticket_change (ticket, time, author, field, oldvalue, newvalue) VALUES
        (${openId}, ${at(1)}, 'ada', 'status', 'new', 'assigned'),
        (${openId}, ${at(1)}, 'ada', 'comment', '1', 'Looking into it'),
        (${closedId}, ${at(2)}, 'ivan', 'status', 'new', 'closed');
      INSERT INTO wiki (name, version, time, author, text, comment) VALUES
        ('WikiStart', 1, ${at(10)}, 'ada', 'Welcome', 'first'),
        ('WikiStart', 2, ${at(6)}, 'ada', 'Welcome to LearnTrac', 'reworded');
    `);
  });

  it('shows a ticket with its custom fields and change history', async () => {
    const ticket = await getTicket({ db: t.db, id: openId });
    expect(ticket?.summary).toBe('Login 100% broken');
    expect(ticket?.time?.getTime()).toBeCloseTo(now - 5 * HOUR, -3);
    expect(ticket?.custom).toEqual([{ name: 'difficulty', value: '3' }]);
    expect(ticket?.changes.map((c) => c.field)).toEqual(['comment', 'status']);
  });

  it('reports a missing ticket as null', async () => {
    expect(await getTicket({ db: t.db, id: 999_999 })).toBeNull();
  });

  it('lists open tickets by priority and leaves closed ones out', async () => {
    const { rows } = await runTicketQuery({
      db: t.db,
      query: parseQueryString('status!=closed&order=priority'),
      fields: standardTicketFields,
      user: null,
    });
    expect(rows.map((row) => row.summary)).toEqual(['Seed concepts', 'Login 100% broken']);
  });

  it('lists open milestones with their ticket counts, completed ones on request', async () => {
    const open = await listMilestones({ db: t.db, includeCompleted: false });
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ name: 'v1', stats: { total: 2, groups: { closed: 1 } } });
    const all = await listMilestones({ db: t.db, includeCompleted: true });
    // Trac lists completed milestones first, then open ones by due date.
    expect(all.map((m) => m.name)).toEqual(['v0', 'v1']);
  });

  it('shows the latest version of a wiki page', async () => {
    const page = await getWikiPage({ db: t.db, name: 'WikiStart' });
    expect(page).toMatchObject({ version: 2, text: 'Welcome to LearnTrac' });
  });

  it('searches tickets and wiki, taking % literally', async () => {
    const results = await searchEverything({
      db: t.db,
      features,
      permissions: listPermissions(null),
      query: '100%',
    });
    const tickets = results.hits.filter((h) => h.source === 'ticket');
    expect(tickets.map((h) => h.href)).toEqual([`/ticket/${openId}`]);
    const wiki = await searchEverything({
      db: t.db,
      features,
      permissions: listPermissions(null),
      query: 'welcome learntrac',
    });
    expect(wiki.hits.filter((h) => h.source === 'wiki').map((h) => h.title)).toEqual(['WikiStart']);
  });

  it('builds the timeline from every provider, newest first', async () => {
    const events = await listTimeline({
      db: t.db,
      features,
      permissions: listPermissions(null),
      from: new Date(now - 24 * HOUR),
      to: new Date(now),
      limit: 50,
    });
    expect(events.map((e) => e.kind)).toEqual([
      'editedticket',
      'closedticket',
      'newticket',
      'newticket',
      'newticket',
      'wiki',
      'wiki',
    ]);
    expect(events[0]).toMatchObject({
      author: 'ada',
      description: 'Changed status. Looking into it',
    });
  });
});
