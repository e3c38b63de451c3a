import { describe, expect, it } from 'vitest';
import { InvalidInputError, MidAirCollisionError, TicketNotFoundError } from '../errors.js';
import { testServerUrl, useTestDatabase } from '../testing/index.js';
import { toTracTime } from '../time.js';
import { changeTicket } from './change-ticket.js';
import { createTicket } from './create-ticket.js';

const serverUrl = testServerUrl();

describe.skipIf(!serverUrl)('ticket writes', () => {
  const t = useTestDatabase();

  const changesOf = (ticketId: number) =>
    t.db.ticketChange.findMany({
      where: { ticketId },
      orderBy: [{ time: 'asc' }, { field: 'asc' }],
    });

  it('creates a ticket with its custom fields, the author as reporter and Trac times', async () => {
    const now = new Date('2025-03-01T10:00:00.123Z');
    const ticket = await createTicket({
      db: t.db,
      author: 'alice',
      fields: { summary: 'Graph search is slow', priority: 'major', milestone: 'milestone1' },
      custom: { learning_difficulty: '3' },
      now,
    });
    const stored = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(stored).toMatchObject({
      summary: 'Graph search is slow',
      reporter: 'alice',
      status: 'new',
      type: 'defect',
      time: toTracTime(now),
      changetime: toTracTime(now),
    });
    expect(stored.time).toBe(1740823200123000n);
    expect(await t.db.ticketCustom.findMany({ where: { ticketId: ticket.id } })).toEqual([
      { ticketId: ticket.id, name: 'learning_difficulty', value: '3' },
    ]);
    expect(await changesOf(ticket.id)).toEqual([]);
  });

  it('refuses a ticket without a summary and writes nothing', async () => {
    const before = await t.db.ticket.count();
    await expect(
      createTicket({ db: t.db, author: 'alice', fields: { summary: '  ' }, custom: {} }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await t.db.ticket.count()).toBe(before);
  });

  it('records one row per changed field and a numbered comment, all at one time', async () => {
    const { id } = await createTicket({
      db: t.db,
      author: 'alice',
      fields: { summary: 'BFS example', owner: 'bob', status: 'new' },
      custom: { level: 'intro' },
      now: new Date('2025-03-01T10:00:00Z'),
    });
    const first = await changeTicket({
      db: t.db,
      ticketId: id,
      author: 'bob',
      changes: { status: 'accepted', owner: 'bob', keywords: 'graphs' },
      custom: { level: 'advanced', topic: 'bfs' },
      comment: 'Taking this one.',
      now: new Date('2025-03-02T09:00:00Z'),
    });
    const time = toTracTime(new Date('2025-03-02T09:00:00Z'));
    expect(first.time).toBe(time);
    const rows = (await changesOf(id)).map(({ field, oldvalue, newvalue, time, author }) => ({
      field,
      oldvalue,
      newvalue,
      time,
      author,
    }));
    expect(rows).toEqual([
      { field: 'comment', oldvalue: '1', newvalue: 'Taking this one.', time, author: 'bob' },
      { field: 'keywords', oldvalue: '', newvalue: 'graphs', time, author: 'bob' },
      { field: 'level', oldvalue: 'intro', newvalue: 'advanced', time, author: 'bob' },
      { field: 'status', oldvalue: 'new', newvalue: 'accepted', time, author: 'bob' },
      { field: 'topic', oldvalue: '', newvalue: 'bfs', time, author: 'bob' },
    ]);
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(ticket).toMatchObject({ status: 'accepted', keywords: 'graphs', changetime: time });
    const custom = await t.db.ticketCustom.findMany({
      where: { ticketId: id },
      orderBy: { name: 'asc' },
    });
    expect(custom.map((c) => [c.name, c.value])).toEqual([
      ['level', 'advanced'],
      ['topic', 'bfs'],
    ]);
  });

  it('writes the comment row alone for a comment-only change, numbering comments per ticket', async () => {
    const { id } = await createTicket({ db: t.db, author: 'a', fields: { summary: 'Numbering' } });
    const one = await changeTicket({ db: t.db, ticketId: id, author: 'a', comment: 'first' });
    const two = await changeTicket({
      db: t.db,
      ticketId: id,
      author: 'b',
      comment: 'second',
      replyTo: 1,
    });
    expect([one.commentNumber, two.commentNumber]).toEqual([1, 2]);
    const rows = await changesOf(id);
    expect(rows.map((r) => [r.field, r.oldvalue, r.newvalue])).toEqual([
      ['comment', '1', 'first'],
      ['comment', '1.2', 'second'],
    ]);
    // Two changes in the same millisecond still get distinct, increasing times.
    expect(rows[1]!.time).toBeGreaterThan(rows[0]!.time);
  });

  it('refuses a change that changes nothing and has no comment', async () => {
    const { id } = await createTicket({
      db: t.db,
      author: 'a',
      fields: { summary: 'Same', owner: 'x' },
    });
    await expect(
      changeTicket({ db: t.db, ticketId: id, author: 'a', changes: { owner: 'x' } }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await changesOf(id)).toEqual([]);
  });

  it('reports a mid-air collision when the ticket changed since it was loaded, writing nothing', async () => {
    const created = await createTicket({ db: t.db, author: 'a', fields: { summary: 'Collide' } });
    const loaded = created.changetime!;
    await changeTicket({
      db: t.db,
      ticketId: created.id,
      author: 'b',
      changes: { priority: 'critical' },
      expectedChangetime: loaded,
    });
    await expect(
      changeTicket({
        db: t.db,
        ticketId: created.id,
        author: 'c',
        changes: { priority: 'minor' },
        comment: 'stale edit',
        expectedChangetime: loaded,
      }),
    ).rejects.toBeInstanceOf(MidAirCollisionError);
    const ticket = await t.db.ticket.findUniqueOrThrow({ where: { id: created.id } });
    expect(ticket.priority).toBe('critical');
    expect((await changesOf(created.id)).map((r) => r.author)).toEqual(['b', 'b']);
  });

  it('says which ticket is missing', async () => {
    await expect(
      changeTicket({ db: t.db, ticketId: 999_999, author: 'a', comment: 'hello' }),
    ).rejects.toBeInstanceOf(TicketNotFoundError);
  });

  it('rolls back everything when a later write of the change fails', async () => {
    const { id } = await createTicket({ db: t.db, author: 'a', fields: { summary: 'Atomic' } });
    await expect(
      t.db.$transaction(async (tx) => {
        await changeTicket({ db: tx, ticketId: id, author: 'a', changes: { owner: 'zed' } });
        throw new Error('caller failed after the change');
      }),
    ).rejects.toThrow('caller failed');
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id } })).owner).toBeNull();
    expect(await changesOf(id)).toEqual([]);
  });
});
