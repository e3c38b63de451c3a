import { testServerUrl } from '@learntrac/db/testing';
import { describe, expect, it } from 'vitest';
import type { Queryable, SqlQuery } from '@/core/db/database';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { getTicket } from './get-ticket';

const serverUrl = testServerUrl();
const micros = (iso: string) => BigInt(Date.parse(iso)) * 1000n;

/** The suite's database, noting every statement sent through it. */
function recording(db: Queryable) {
  const sent: string[] = [];
  const reads: Queryable = {
    query<Row>(query: SqlQuery) {
      sent.push(query.text);
      return db.query<Row>(query);
    },
  };
  return { reads, sent };
}

describe.skipIf(!serverUrl)('getTicket against PostgreSQL', () => {
  const t = useWebTestDatabase({ prefix: 'web_get_ticket' });

  it('reads a ticket with its custom fields, changes and attachments in one statement', async () => {
    const created = micros('2026-03-01T10:00:00Z');
    const { id } = await t.prisma.ticket.create({
      data: {
        summary: 'Explain memoisation',
        status: 'assigned',
        owner: 'ivan',
        time: created,
        changetime: micros('2026-03-02T09:30:00.000123Z'),
      },
    });
    const other = await t.prisma.ticket.create({ data: { summary: 'Another', time: created } });
    await t.prisma.ticketCustom.createMany({
      data: [
        { ticketId: id, name: 'estimate', value: '3' },
        { ticketId: id, name: 'course', value: 'course3' },
        { ticketId: id, name: 'blank', value: null },
        { ticketId: other.id, name: 'course', value: 'course9' },
      ],
    });
    // Written out of order: the history comes back oldest first, fields by name within a change.
    const later = micros('2026-03-02T09:30:00.000123Z');
    const earlier = micros('2026-03-01T12:00:00Z');
    await t.prisma.ticketChange.createMany({
      data: [
        {
          ticketId: id,
          time: later,
          author: 'ivan',
          field: 'status',
          oldvalue: 'new',
          newvalue: 'assigned',
        },
        {
          ticketId: id,
          time: later,
          author: 'ivan',
          field: 'comment',
          oldvalue: '2',
          newvalue: 'Taking it.',
        },
        {
          ticketId: id,
          time: earlier,
          author: 'lea',
          field: 'comment',
          oldvalue: '1',
          newvalue: 'Which cache?',
        },
        {
          ticketId: other.id,
          time: earlier,
          author: 'lea',
          field: 'comment',
          oldvalue: '1',
          newvalue: 'Elsewhere',
        },
      ],
    });
    await t.prisma.attachment.createMany({
      data: [
        {
          type: 'ticket',
          id: String(id),
          filename: 'trace.txt',
          size: 12,
          time: earlier,
          description: 'A trace',
          author: 'lea',
        },
        {
          type: 'ticket',
          id: String(id),
          filename: 'cache.png',
          size: null,
          time: null,
          description: null,
          author: null,
        },
        // A wiki page named like the ticket's id holds its own attachments.
        {
          type: 'wiki',
          id: String(id),
          filename: 'page.txt',
          size: 1,
          time: earlier,
          author: 'ada',
        },
      ],
    });

    const { reads, sent } = recording(t.db);
    const ticket = await getTicket({ db: reads, id });

    expect(sent).toHaveLength(1);
    expect(ticket).toMatchObject({
      id,
      summary: 'Explain memoisation',
      status: 'assigned',
      owner: 'ivan',
      time: new Date('2026-03-01T10:00:00Z'),
      changetimeMicros: later,
    });
    expect(ticket?.custom).toEqual([
      { name: 'blank', value: null },
      { name: 'course', value: 'course3' },
      { name: 'estimate', value: '3' },
    ]);
    expect(ticket?.changes).toEqual([
      {
        time: new Date('2026-03-01T12:00:00Z'),
        timeMicros: earlier,
        author: 'lea',
        field: 'comment',
        oldvalue: '1',
        newvalue: 'Which cache?',
      },
      {
        time: new Date('2026-03-02T09:30:00.000Z'),
        timeMicros: later,
        author: 'ivan',
        field: 'comment',
        oldvalue: '2',
        newvalue: 'Taking it.',
      },
      {
        time: new Date('2026-03-02T09:30:00.000Z'),
        timeMicros: later,
        author: 'ivan',
        field: 'status',
        oldvalue: 'new',
        newvalue: 'assigned',
      },
    ]);
    expect(ticket?.attachments).toEqual([
      {
        realm: 'ticket',
        id: String(id),
        filename: 'cache.png',
        size: 0,
        time: null,
        description: '',
        author: null,
      },
      {
        realm: 'ticket',
        id: String(id),
        filename: 'trace.txt',
        size: 12,
        time: new Date('2026-03-01T12:00:00Z'),
        description: 'A trace',
        author: 'lea',
      },
    ]);
  });

  it('reads a ticket without custom fields, changes or attachments as empty lists', async () => {
    const { id } = await t.prisma.ticket.create({ data: { summary: 'Bare' } });
    const ticket = await getTicket({ db: t.db, id });
    expect(ticket).toMatchObject({ custom: [], changes: [], attachments: [], time: null });
    expect(ticket?.changetimeMicros).toBeNull();
  });

  it('answers null for a ticket that does not exist, in one statement', async () => {
    const { reads, sent } = recording(t.db);
    expect(await getTicket({ db: reads, id: 987_654 })).toBeNull();
    expect(sent).toHaveLength(1);
  });
});
