import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../client/create-prisma-client.js';
import type { Db } from '../client/db.js';
import { createTestDatabase, type TestDatabase, testServerUrl } from '../testing/test-database.js';
import { DEMO_PATH_TITLE, seedDemo } from './seed-demo.js';
import { seedSite } from './seed-site.js';
import { TICKET_CUSTOM_FIELDS_KEY } from './ticket-custom-fields.js';
import { BASIC_WORKFLOW, TICKET_WORKFLOW_KEY } from './workflow.js';

const serverUrl = testServerUrl();

describe.skipIf(!serverUrl)('seeding', () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase({ serverUrl: serverUrl!, migrate: true });
    db = createPrismaClient(database.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it("gives a new site Trac's defaults, the concept ticket type and the roles", async () => {
    expect(await seedSite({ db })).toEqual({ seeded: true });
    const types = await db.enum.findMany({
      where: { type: 'ticket_type' },
      orderBy: { value: 'asc' },
    });
    expect(types.map((t) => t.name)).toEqual(['defect', 'enhancement', 'task', 'concept']);
    const priorities = await db.enum.findMany({ where: { type: 'priority' } });
    expect(priorities.find((p) => p.name === 'blocker')?.value).toBe('1');
    expect((await db.milestone.findMany()).map((m) => m.name).sort()).toEqual([
      'milestone1',
      'milestone2',
      'milestone3',
      'milestone4',
    ]);
    expect((await db.report.findMany({ orderBy: { id: 'asc' } })).map((r) => r.title)).toContain(
      'Active Tickets',
    );
    expect(
      await db.permission.findUnique({
        where: { username_action: { username: 'admins', action: 'TRAC_ADMIN' } },
      }),
    ).not.toBeNull();
    const workflow = await db.system.findUniqueOrThrow({ where: { name: TICKET_WORKFLOW_KEY } });
    expect(JSON.parse(workflow.value!)).toEqual(BASIC_WORKFLOW);
    expect((await db.system.findUniqueOrThrow({ where: { name: 'database_version' } })).value).toBe(
      '45',
    );
    const fields = await db.system.findUniqueOrThrow({ where: { name: TICKET_CUSTOM_FIELDS_KEY } });
    expect(JSON.parse(fields.value!).map((field: { name: string }) => field.name)).toEqual([
      'difficulty',
      'mastery_threshold',
    ]);
  });

  it('leaves an admin’s changes alone when run again', async () => {
    await db.milestone.delete({ where: { name: 'milestone4' } });
    const created = await db.report.create({ data: { title: 'Mine', query: 'SELECT 1' } });
    expect(created.id).toBeGreaterThan(7);
    expect(await seedSite({ db })).toEqual({ seeded: false });
    expect(await db.milestone.findUnique({ where: { name: 'milestone4' } })).toBeNull();
  });

  it('has default reports whose SQL runs on this schema', async () => {
    await seedDemo({ db });
    for (const report of await db.report.findMany({ where: { id: { lte: 7 } } })) {
      const sql = report.query!.replaceAll('$USER', `'instructor'`);
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(sql);
      expect(Array.isArray(rows), report.title!).toBe(true);
    }
    const mine = await db.$queryRawUnsafe<{ ticket: number }[]>(
      (await db.report.findUniqueOrThrow({ where: { id: 6 } })).query!.replaceAll(
        '$USER',
        `'instructor'`,
      ),
    );
    expect(mine.length).toBeGreaterThan(0);
  });

  it('fills a new site with a graph algorithms course, once', async () => {
    const path = await db.path.findFirstOrThrow({
      where: { title: DEMO_PATH_TITLE },
      include: { concepts: { orderBy: { sequenceOrder: 'asc' }, include: { ticket: true } } },
    });
    expect(path.status).toBe('published');
    expect(path.concepts).toHaveLength(6);
    expect(path.concepts.every((c) => c.ticket.type === 'concept')).toBe(true);
    expect(await db.prerequisite.count()).toBeGreaterThanOrEqual(6);
    const start = await db.wiki.findUniqueOrThrow({
      where: { name_version: { name: 'WikiStart', version: 1 } },
    });
    expect(start.text).toContain('= Welcome to LearnTrac =');
    const comments = await db.ticketChange.count({ where: { field: 'comment' } });
    expect(comments).toBeGreaterThan(0);

    const counts = async () => [
      await db.ticket.count(),
      await db.wiki.count(),
      await db.ticketChange.count(),
      await db.path.count(),
    ];
    const before = await counts();
    expect(await seedDemo({ db })).toEqual({ seeded: false });
    expect(await counts()).toEqual(before);
  });
});
