import { createPrismaClient, type Db } from '@learntrac/db';
import { createTestDatabase, type TestDatabase, testServerUrl } from '@learntrac/db/testing';
import { createTicket } from '@learntrac/db/tickets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPermissions } from '@/core/auth/roles';
import { createMilestone } from './create-milestone';
import { deleteMilestone } from './delete-milestone';
import { MilestoneError } from './milestone-errors';

const serverUrl = testServerUrl();
const instructor = listPermissions(['instructor']);

describe.skipIf(!serverUrl)('deleting a milestone against PostgreSQL', () => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase({
      serverUrl: serverUrl!,
      migrate: true,
      prefix: 'web_milestone_delete',
    });
    db = createPrismaClient(database.url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  const remove = (name: string, retargetTo: string) =>
    deleteMilestone({ db, permissions: instructor, author: 'ivan', name, retargetTo });

  it('leaves its tickets without a milestone when no other is chosen', async () => {
    await createMilestone({ db, permissions: instructor, input: { name: 'Gone' } });
    const { id } = await createTicket({
      db,
      author: 'ada',
      fields: { summary: 'On Gone', milestone: 'Gone', status: 'new' },
    });
    expect(await remove('Gone', '')).toEqual({ retargeted: 1 });
    expect((await db.ticket.findUnique({ where: { id } }))?.milestone).toBe('');
    const moved = await db.ticketChange.findFirst({ where: { ticketId: id, field: 'milestone' } });
    expect(moved).toMatchObject({ oldvalue: 'Gone', newvalue: '', author: 'ivan' });
  });

  it('refuses to move the tickets to itself or to a milestone that does not exist, deleting nothing', async () => {
    await createMilestone({ db, permissions: instructor, input: { name: 'Stays' } });
    for (const target of ['Stays', 'Nowhere']) {
      const error = await remove('Stays', target).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MilestoneError);
      expect((error as MilestoneError).fieldErrors.retarget).toBe(
        'Choose another milestone, or none.',
      );
    }
    expect(await db.milestone.findUnique({ where: { name: 'Stays' } })).not.toBeNull();
  });
});
