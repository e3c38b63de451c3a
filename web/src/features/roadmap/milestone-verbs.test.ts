import { testServerUrl } from '@learntrac/db/testing';
import { changeTicket, createTicket } from '@learntrac/db/tickets';
import { describe, expect, it } from 'vitest';
import { features } from '@/composition/registry';
import { listPermissions } from '@/core/auth/roles';
import { refusal } from '@/test/refusal';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { createMilestone } from './create-milestone';
import { deleteMilestone } from './delete-milestone';
import { getMilestone } from './get-milestone';
import { listMilestones } from './list-milestones';
import { updateMilestone } from './update-milestone';

const serverUrl = testServerUrl();

const instructor = listPermissions(['instructor']);
const learner = listPermissions(['learner']);
const anonymous = listPermissions(null);

describe.skipIf(!serverUrl)('milestones against PostgreSQL', () => {
  const t = useWebTestDatabase({ prefix: 'web_milestone' });

  const ticket = async (milestone: string, status: string, extra: Record<string, string> = {}) =>
    (
      await createTicket({
        db: t.prisma,
        author: 'ada',
        fields: { summary: `On ${milestone}`, milestone, status, ...extra },
      })
    ).id;
  const historyOf = (id: number) =>
    t.prisma.ticketChange.findMany({
      where: { ticketId: id },
      orderBy: [{ time: 'asc' }, { field: 'asc' }],
    });

  it('lets an instructor add a milestone and shows it on the roadmap', async () => {
    await createMilestone({
      db: t.db,
      permissions: instructor,
      input: { name: ' Term 1 ', due: '2030-01-31', description: "''Intro'' week" },
    });
    const [term] = await listMilestones({ db: t.db, includeCompleted: false });
    expect(term).toMatchObject({ name: 'Term 1', description: "''Intro'' week" });
    expect(term?.due?.toISOString()).toBe('2030-01-31T00:00:00.000Z');
  });

  it('refuses a milestone from learners and anonymous visitors', async () => {
    for (const permissions of [learner, anonymous]) {
      const error = await refusal(
        createMilestone({ db: t.db, permissions, input: { name: 'Sneaky' } }),
      );
      expect(error.code).toBe('FORBIDDEN');
    }
    expect(
      (await listMilestones({ db: t.db, includeCompleted: true })).map((m) => m.name),
    ).not.toContain('Sneaky');
  });

  it('says which field is wrong: taken name, empty name, bad date, completion in the future', async () => {
    expect(
      (
        await refusal(
          createMilestone({ db: t.db, permissions: instructor, input: { name: 'Term 1' } }),
        )
      ).fieldErrors.name,
    ).toMatch(/already exists/);
    expect(
      (await refusal(createMilestone({ db: t.db, permissions: instructor, input: { name: '  ' } })))
        .fieldErrors.name,
    ).toMatch(/needs a name/);
    expect(
      (
        await refusal(
          createMilestone({
            db: t.db,
            permissions: instructor,
            input: { name: 'X', due: '31/01/2030' },
          }),
        )
      ).fieldErrors.due,
    ).toMatch(/date like/);
    expect(
      (
        await refusal(
          createMilestone({
            db: t.db,
            permissions: instructor,
            input: { name: 'X', completed: '2999-01-01' },
          }),
        )
      ).fieldErrors.completed,
    ).toMatch(/future/);
  });

  it('counts tickets by closed, active and new, overall and by component', async () => {
    await createMilestone({ db: t.db, permissions: instructor, input: { name: 'Progress' } });
    await ticket('Progress', 'closed', { component: 'ui' });
    await ticket('Progress', 'assigned', { component: 'ui' });
    await ticket('Progress', 'accepted', { component: 'db' });
    await ticket('Progress', 'new');
    const milestone = await getMilestone({ db: t.db, name: 'Progress', groupBy: 'component' });
    expect(milestone?.stats).toMatchObject({
      total: 4,
      groups: { closed: 1, active: 2, new: 1 },
      statuses: { active: ['accepted', 'assigned'] },
      percentClosed: 25,
    });
    expect(milestone?.groups.map((g) => [g.value, g.stats.total])).toEqual([
      ['db', 1],
      ['ui', 2],
      ['', 1],
    ]);
    expect(await getMilestone({ db: t.db, name: 'Nope', groupBy: 'owner' })).toBeNull();
  });

  it('completing a milestone moves its open tickets on, recorded in each ticket history', async () => {
    await createMilestone({ db: t.db, permissions: instructor, input: { name: 'Sprint A' } });
    await createMilestone({ db: t.db, permissions: instructor, input: { name: 'Sprint B' } });
    const open = await ticket('Sprint A', 'assigned');
    const done = await ticket('Sprint A', 'closed');
    const result = await updateMilestone({
      db: t.db,
      permissions: instructor,
      author: 'ivan',
      name: 'Sprint A',
      input: { name: 'Sprint A', completed: '2024-05-01' },
      retargetTo: 'Sprint B',
    });
    expect(result.retargeted).toBe(1);
    expect((await t.prisma.ticket.findUnique({ where: { id: open } }))?.milestone).toBe('Sprint B');
    expect((await t.prisma.ticket.findUnique({ where: { id: done } }))?.milestone).toBe('Sprint A');
    expect((await historyOf(open)).map((c) => [c.field, c.oldvalue, c.newvalue, c.author])).toEqual(
      [
        ['comment', '1', 'Ticket retargeted after milestone closed', 'ivan'],
        ['milestone', 'Sprint A', 'Sprint B', 'ivan'],
      ],
    );
    const [completed] = await listMilestones({ db: t.db, includeCompleted: true });
    expect(completed).toMatchObject({ name: 'Sprint A' });
    expect(completed?.completed?.toISOString()).toBe('2024-05-01T00:00:00.000Z');
  });

  it('renaming a milestone takes its tickets along, and refuses a name in use', async () => {
    await createMilestone({ db: t.db, permissions: instructor, input: { name: 'Old name' } });
    const id = await ticket('Old name', 'new');
    await updateMilestone({
      db: t.db,
      permissions: instructor,
      author: 'ivan',
      name: 'Old name',
      input: { name: 'New name' },
    });
    expect((await t.prisma.ticket.findUnique({ where: { id } }))?.milestone).toBe('New name');
    expect((await historyOf(id)).find((c) => c.field === 'comment')?.newvalue).toBe(
      'Milestone renamed',
    );
    const error = await refusal(
      updateMilestone({
        db: t.db,
        permissions: instructor,
        author: 'ivan',
        name: 'New name',
        input: { name: 'Sprint B' },
      }),
    );
    expect(error.fieldErrors.name).toMatch(/already exists/);
    expect((await t.prisma.ticket.findUnique({ where: { id } }))?.milestone).toBe('New name');
  });

  it('writes nothing when a retarget target is bad, and refuses edits without MILESTONE_MODIFY', async () => {
    await createMilestone({ db: t.db, permissions: instructor, input: { name: 'Keep' } });
    const id = await ticket('Keep', 'new');
    const bad = await refusal(
      updateMilestone({
        db: t.db,
        permissions: instructor,
        author: 'ivan',
        name: 'Keep',
        input: { name: 'Keep', completed: '2024-01-01' },
        retargetTo: 'Missing',
      }),
    );
    expect(bad.fieldErrors.retarget).toBeTruthy();
    const [row] = await t.prisma.$queryRaw<
      { completed: bigint }[]
    >`SELECT completed FROM milestone WHERE name = 'Keep'`;
    expect(row?.completed).toBe(0n);
    expect(await historyOf(id)).toEqual([]);
    const forbidden = await refusal(
      updateMilestone({
        db: t.db,
        permissions: learner,
        author: 'lea',
        name: 'Keep',
        input: { name: 'Mine' },
      }),
    );
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(
      (
        await refusal(
          updateMilestone({
            db: t.db,
            permissions: instructor,
            author: 'ivan',
            name: 'Ghost',
            input: { name: 'Ghost' },
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('deleting a milestone retargets all its tickets first; learners may not delete', async () => {
    await createMilestone({ db: t.db, permissions: instructor, input: { name: 'Doomed' } });
    const open = await ticket('Doomed', 'new');
    const closed = await ticket('Doomed', 'closed');
    expect(
      (
        await refusal(
          deleteMilestone({
            db: t.db,
            permissions: learner,
            author: 'lea',
            name: 'Doomed',
            retargetTo: '',
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    const { retargeted } = await deleteMilestone({
      db: t.db,
      permissions: instructor,
      author: 'ivan',
      name: 'Doomed',
      retargetTo: 'Sprint B',
    });
    expect(retargeted).toBe(2);
    for (const id of [open, closed]) {
      expect((await t.prisma.ticket.findUnique({ where: { id } }))?.milestone).toBe('Sprint B');
      expect((await historyOf(id)).find((c) => c.field === 'comment')?.newvalue).toBe(
        'Ticket retargeted after milestone deleted',
      );
    }
    expect(await getMilestone({ db: t.db, name: 'Doomed', groupBy: 'owner' })).toBeNull();
  });

  it('a completed milestone appears in the timeline and in search for those who may view milestones', async () => {
    const roadmap = features.find((f) => f.id === 'roadmap');
    const events = await roadmap!.timelineProvider!.listEvents({
      db: t.db,
      from: new Date('2024-04-30T00:00:00Z'),
      to: new Date('2024-05-02T00:00:00Z'),
      limit: 10,
      filters: ['milestone'],
      authors: { include: [], exclude: [] },
    });
    expect(events.map((e) => [e.kind, e.title, e.href])).toEqual([
      ['milestone', 'Milestone Sprint A completed', '/milestone/Sprint%20A'],
    ]);
    await changeTicket({
      db: t.prisma,
      ticketId: await ticket('Term 1', 'new'),
      author: 'ada',
      comment: 'ping',
    });
    const hits = await roadmap!.searchSource!.search({
      db: t.db,
      query: 'intro',
      terms: ['intro'],
      limit: 5,
    });
    expect(hits.map((h) => h.title)).toEqual(['Milestone Term 1']);
    expect(hits[0]?.excerpt).toContain('\u0002Intro\u0003');
  });
});
