import { testServerUrl } from '@learntrac/db/testing';
import { createTicket } from '@learntrac/db/tickets';
import { describe, expect, it } from 'vitest';
import { listPermissions } from '@/core/auth/roles';
import { AppError } from '@/core/errors/app-error';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { createMilestone } from './create-milestone';
import { deleteMilestone } from './delete-milestone';

const serverUrl = testServerUrl();
const instructor = listPermissions(['instructor']);

describe.skipIf(!serverUrl)('deleting a milestone against PostgreSQL', () => {
  const t = useWebTestDatabase({ prefix: 'web_milestone_delete' });

  const remove = (name: string, retargetTo: string) =>
    deleteMilestone({ db: t.db, permissions: instructor, author: 'ivan', name, retargetTo });

  it('leaves its tickets without a milestone when no other is chosen', async () => {
    await createMilestone({ db: t.db, permissions: instructor, input: { name: 'Gone' } });
    const { id } = await createTicket({
      db: t.prisma,
      author: 'ada',
      fields: { summary: 'On Gone', milestone: 'Gone', status: 'new' },
    });
    expect(await remove('Gone', '')).toEqual({ retargeted: 1 });
    expect((await t.prisma.ticket.findUnique({ where: { id } }))?.milestone).toBe('');
    const moved = await t.prisma.ticketChange.findFirst({
      where: { ticketId: id, field: 'milestone' },
    });
    expect(moved).toMatchObject({ oldvalue: 'Gone', newvalue: '', author: 'ivan' });
  });

  it('refuses to move the tickets to itself or to a milestone that does not exist, deleting nothing', async () => {
    await createMilestone({ db: t.db, permissions: instructor, input: { name: 'Stays' } });
    for (const target of ['Stays', 'Nowhere']) {
      const error = await remove('Stays', target).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fieldErrors.retarget).toBe('Choose another milestone, or none.');
    }
    expect(await t.prisma.milestone.findUnique({ where: { name: 'Stays' } })).not.toBeNull();
  });
});
