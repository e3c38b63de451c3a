import { testServerUrl } from '@learntrac/db/testing';
import { createTicket } from '@learntrac/db/tickets';
import { describe, expect, it } from 'vitest';
import { listPermissions } from '@/core/auth/roles';
import { refusal } from '@/test/refusal';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { batchModifyTickets } from './batch-modify';

const serverUrl = testServerUrl();
const admin = { name: 'root', permissions: listPermissions(['admin']) };

describe.skipIf(!serverUrl)('batch modify against PostgreSQL', () => {
  const t = useWebTestDatabase({ prefix: 'web_batch', seed: true });
  const open = async (summary: string, status = 'new') =>
    (
      await createTicket({
        db: t.prisma,
        author: 'ada',
        fields: { summary, status, priority: 'major' },
      })
    ).id;

  it('refuses anyone without TICKET_BATCH_MODIFY, learners and instructors included', async () => {
    const id = await open('a');
    for (const roles of [null, ['learner'], ['instructor']] as const) {
      const actor = { name: roles ? 'someone' : null, permissions: listPermissions(roles) };
      const refused = await refusal(
        batchModifyTickets({ db: t.db, actor, ticketIds: [id], values: { priority: 'minor' } }),
      );
      expect(refused.code).toBe('FORBIDDEN');
    }
    expect((await t.prisma.ticket.findUniqueOrThrow({ where: { id } })).priority).toBe('major');
  });

  it('sets fields, comments and resolves every selected ticket, each with its own history', async () => {
    const ids = [await open('b'), await open('c')];
    const { changed } = await batchModifyTickets({
      db: t.db,
      actor: admin,
      ticketIds: ids,
      values: { priority: 'minor', milestone: 'milestone1' },
      comment: 'Tidied in bulk',
      action: 'resolve',
      actionResolution: 'fixed',
    });
    expect(changed).toEqual(ids);
    for (const id of ids) {
      const ticket = await t.prisma.ticket.findUniqueOrThrow({ where: { id } });
      expect(ticket).toMatchObject({
        priority: 'minor',
        milestone: 'milestone1',
        status: 'closed',
        resolution: 'fixed',
      });
      const rows = await t.prisma.ticketChange.findMany({
        where: { ticketId: id },
        orderBy: { field: 'asc' },
      });
      expect(rows.map((row) => row.field)).toEqual([
        'comment',
        'milestone',
        'priority',
        'resolution',
        'status',
      ]);
      expect(rows.find((row) => row.field === 'comment')).toMatchObject({
        oldvalue: '1',
        newvalue: 'Tidied in bulk',
        author: 'root',
      });
    }
  });

  it('changes nothing and names the tickets whose status does not allow the action', async () => {
    const fresh = await open('d');
    const closed = await open('e', 'closed');
    const refused = await refusal(
      batchModifyTickets({
        db: t.db,
        actor: admin,
        ticketIds: [fresh, closed],
        action: 'resolve',
        actionResolution: 'fixed',
        comment: 'x',
      }),
    );
    expect(refused.problems).toEqual([expect.stringMatching(new RegExp(`^#${closed}: `))]);
    expect(refused.message).toContain(`#${closed}`);
    expect(await t.prisma.ticketChange.count({ where: { ticketId: fresh } })).toBe(0);
  });

  it('says which value is wrong and refuses fields a batch may not set', async () => {
    const id = await open('f');
    const bad = await refusal(
      batchModifyTickets({
        db: t.db,
        actor: admin,
        ticketIds: [id],
        values: { priority: 'urgent!' },
      }),
    );
    expect(bad.fieldErrors.priority).toBeDefined();
    const summary = await refusal(
      batchModifyTickets({ db: t.db, actor: admin, ticketIds: [id], values: { summary: 'x' } }),
    );
    expect(summary.fieldErrors.summary).toMatch(/cannot be set in a batch/);
    const none = await refusal(
      batchModifyTickets({ db: t.db, actor: admin, ticketIds: [], comment: 'x' }),
    );
    expect(none.message).toMatch(/Select the tickets/);
  });
});
