import { describe, expect, it } from 'vitest';
import { testServerUrl, useTestDatabase } from '../testing/index.js';
import { changeTicket } from './change-ticket.js';
import { createTicket } from './create-ticket.js';

const serverUrl = testServerUrl();

describe.skipIf(!serverUrl)('the stored search document of a ticket', () => {
  const t = useTestDatabase();

  /** The tickets whose stored document matches a search, as the search page asks. */
  const matching = async (words: string) =>
    (
      await t.db.$queryRaw<{ ticket: number }[]>`
        SELECT ticket FROM ticket_fulltext
        WHERE document @@ websearch_to_tsquery('english', ${words}) ORDER BY ticket`
    ).map((row) => row.ticket);

  it('is written with the ticket and follows later edits of summary, keywords and description', async () => {
    const { id } = await createTicket({
      db: t.db,
      author: 'alice',
      fields: { summary: 'Parser rejects unicode', keywords: 'lexer', description: 'Crashes.' },
      custom: {},
    });
    expect(await matching('unicode')).toEqual([id]);
    expect(await matching('lexer')).toEqual([id]);

    await changeTicket({
      db: t.db,
      ticketId: id,
      author: 'bob',
      changes: { summary: 'Tokenizer rejects emoji', keywords: 'scanner' },
    });
    expect(await matching('unicode')).toEqual([]);
    expect(await matching('emoji scanner crashes')).toEqual([id]);
  });

  it('holds every comment, follows comment edits, and matches words spread over fields and comments', async () => {
    const { id } = await createTicket({
      db: t.db,
      author: 'alice',
      fields: { summary: 'Slow dashboard' },
      custom: {},
    });
    await changeTicket({
      db: t.db,
      ticketId: id,
      author: 'bob',
      comment: 'Profiling shows a deadlock.',
    });
    await changeTicket({
      db: t.db,
      ticketId: id,
      author: 'carol',
      comment: 'Seen on the staging cluster.',
    });
    expect(await matching('deadlock')).toEqual([id]);
    expect(await matching('dashboard staging')).toEqual([id]);

    // A comment edited in place (Trac keeps the old text in a `_comment0` row, not searched).
    await t.db.ticketChange.updateMany({
      where: { ticketId: id, field: 'comment', newvalue: 'Profiling shows a deadlock.' },
      data: { newvalue: 'Profiling shows lock contention.' },
    });
    expect(await matching('deadlock')).toEqual([]);
    expect(await matching('contention')).toEqual([id]);

    await t.db.ticketChange.deleteMany({ where: { ticketId: id, field: 'comment' } });
    expect(await matching('contention')).toEqual([]);
    expect(await matching('dashboard')).toEqual([id]);
  });

  it('goes with its ticket when the ticket is deleted', async () => {
    const { id } = await createTicket({
      db: t.db,
      author: 'alice',
      fields: { summary: 'Orphaned widget' },
      custom: {},
    });
    await changeTicket({
      db: t.db,
      ticketId: id,
      author: 'bob',
      comment: 'Widget still orphaned.',
    });
    await t.db.ticket.delete({ where: { id } });
    expect(await matching('orphaned widget')).toEqual([]);
    expect(
      await t.db.$queryRaw<unknown[]>`SELECT 1 FROM ticket_fulltext WHERE ticket = ${id}`,
    ).toEqual([]);
  });
});
