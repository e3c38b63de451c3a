import { describe, expect, it } from 'vitest';
import { testServerUrl, useTestDatabase } from '../testing/index.js';
import { DEMO_PATH_TITLE, seedDemo } from './seed-demo.js';
import { seedSite } from './seed-site.js';
import { TICKET_CUSTOM_FIELDS_KEY } from './ticket-custom-fields.js';
import { BASIC_WORKFLOW, TICKET_WORKFLOW_KEY } from './workflow.js';

const serverUrl = testServerUrl();

describe.skipIf(!serverUrl)('seeding', () => {
  const t = useTestDatabase();

  it("gives a new site Trac's defaults, the concept ticket type and the roles", async () => {
    expect(await seedSite({ db: t.db })).toEqual({ seeded: true });
    const types = await t.db.enum.findMany({
      where: { type: 'ticket_type' },
      orderBy: { value: 'asc' },
    });
    expect(types.map((type) => type.name)).toEqual(['defect', 'enhancement', 'task', 'concept']);
    const resolutions = await t.db.enum.findMany({ where: { type: 'resolution' } });
    expect(resolutions.find((r) => r.name === 'mastered')?.value).toBe('6');
    const priorities = await t.db.enum.findMany({ where: { type: 'priority' } });
    expect(priorities.find((p) => p.name === 'blocker')?.value).toBe('1');
    expect((await t.db.milestone.findMany()).map((m) => m.name).sort()).toEqual([
      'milestone1',
      'milestone2',
      'milestone3',
      'milestone4',
    ]);
    expect((await t.db.report.findMany({ orderBy: { id: 'asc' } })).map((r) => r.title)).toContain(
      'Active Tickets',
    );
    expect(
      await t.db.permission.findUnique({
        where: { username_action: { username: 'admins', action: 'TRAC_ADMIN' } },
      }),
    ).not.toBeNull();
    const workflow = await t.db.system.findUniqueOrThrow({ where: { name: TICKET_WORKFLOW_KEY } });
    expect(JSON.parse(workflow.value!)).toEqual(BASIC_WORKFLOW);
    expect(
      (await t.db.system.findUniqueOrThrow({ where: { name: 'database_version' } })).value,
    ).toBe('45');
    const fields = await t.db.system.findUniqueOrThrow({
      where: { name: TICKET_CUSTOM_FIELDS_KEY },
    });
    expect(JSON.parse(fields.value!).map((field: { name: string }) => field.name)).toEqual([
      'difficulty',
      'mastery_threshold',
    ]);
  });

  it('leaves an admin’s changes alone when run again', async () => {
    await t.db.milestone.delete({ where: { name: 'milestone4' } });
    const created = await t.db.report.create({ data: { title: 'Mine', query: 'SELECT 1' } });
    expect(created.id).toBeGreaterThan(7);
    expect(await seedSite({ db: t.db })).toEqual({ seeded: false });
    expect(await t.db.milestone.findUnique({ where: { name: 'milestone4' } })).toBeNull();
  });

  it('has default reports whose SQL runs on this schema', async () => {
    await seedDemo({ db: t.db });
    for (const report of await t.db.report.findMany({ where: { id: { lte: 7 } } })) {
      const sql = report.query!.replaceAll('$USER', `'instructor'`);
      const rows = await t.db.$queryRawUnsafe<Record<string, unknown>[]>(sql);
      expect(Array.isArray(rows), report.title!).toBe(true);
    }
    const mine = await t.db.$queryRawUnsafe<{ ticket: number }[]>(
      (await t.db.report.findUniqueOrThrow({ where: { id: 6 } })).query!.replaceAll(
        '$USER',
        `'instructor'`,
      ),
    );
    expect(mine.length).toBeGreaterThan(0);
  });

  it('fills a new site with a graph algorithms course, once', async () => {
    const path = await t.db.path.findFirstOrThrow({
      where: { title: DEMO_PATH_TITLE },
      include: { concepts: { orderBy: { sequenceOrder: 'asc' }, include: { ticket: true } } },
    });
    expect(path).toMatchObject({
      status: 'published',
      kind: 'shared',
      milestone: 'Graph Algorithms',
    });
    expect(path.concepts).toHaveLength(6);
    expect(path.concepts.every((c) => c.ticket.type === 'concept')).toBe(true);
    expect(await t.db.prerequisite.count()).toBeGreaterThanOrEqual(6);
    const start = await t.db.wiki.findUniqueOrThrow({
      where: { name_version: { name: 'WikiStart', version: 1 } },
    });
    expect(start.text).toContain('= Welcome to LearnTrac =');
    const comments = await t.db.ticketChange.count({ where: { field: 'comment' } });
    expect(comments).toBeGreaterThan(0);

    const counts = async () => [
      await t.db.ticket.count(),
      await t.db.wiki.count(),
      await t.db.ticketChange.count(),
      await t.db.path.count(),
    ];
    const before = await counts();
    expect(await seedDemo({ db: t.db })).toEqual({ seeded: false });
    expect(await counts()).toEqual(before);
  });
});
