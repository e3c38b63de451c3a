import { beforeAll, describe, expect, it } from 'vitest';
import { PrerequisiteCycleError, TicketNotFoundError } from '../errors.js';
import { testServerUrl, useTestDatabase } from '../testing/index.js';
import { createTicket } from '../tickets/create-ticket.js';
import { addPrerequisite } from './add-prerequisite.js';
import { removePrerequisite } from './remove-prerequisite.js';

const serverUrl = testServerUrl();

describe.skipIf(!serverUrl)('prerequisites', () => {
  const t = useTestDatabase();
  let a: number;
  let b: number;
  let c: number;
  beforeAll(async () => {
    const concept = (summary: string) =>
      createTicket({ db: t.db, author: 'teacher', fields: { summary, type: 'concept' } });
    [a, b, c] = (await Promise.all(['Graphs', 'BFS', 'Dijkstra'].map(concept))).map(
      (ticket) => ticket.id,
    ) as [number, number, number];
  });

  it('adds prerequisites along a chain and ignores a repeated edge', async () => {
    expect(await addPrerequisite({ db: t.db, ticketId: b, prerequisiteId: a })).toBe(true);
    expect(await addPrerequisite({ db: t.db, ticketId: c, prerequisiteId: b })).toBe(true);
    expect(await addPrerequisite({ db: t.db, ticketId: c, prerequisiteId: b })).toBe(false);
    expect(await t.db.prerequisite.count()).toBe(2);
  });

  it('refuses an edge that would close a cycle, directly or through others', async () => {
    await expect(
      addPrerequisite({ db: t.db, ticketId: a, prerequisiteId: c }),
    ).rejects.toBeInstanceOf(PrerequisiteCycleError);
    await expect(
      addPrerequisite({ db: t.db, ticketId: a, prerequisiteId: b }),
    ).rejects.toBeInstanceOf(PrerequisiteCycleError);
    await expect(
      addPrerequisite({ db: t.db, ticketId: a, prerequisiteId: a }),
    ).rejects.toBeInstanceOf(PrerequisiteCycleError);
    expect(await t.db.prerequisite.count()).toBe(2);
  });

  it('has the database itself refuse a cycle written around the verb', async () => {
    await expect(
      t.db
        .$executeRaw`INSERT INTO learning.prerequisites (ticket_id, prerequisite_id) VALUES (${a}, ${c})`,
    ).rejects.toThrow(/cycle/);
    await expect(
      t.db
        .$executeRaw`INSERT INTO learning.prerequisites (ticket_id, prerequisite_id) VALUES (${a}, ${a})`,
    ).rejects.toThrow(/cycle/);
  });

  it('says which ticket does not exist', async () => {
    await expect(
      addPrerequisite({ db: t.db, ticketId: a, prerequisiteId: 987_654 }),
    ).rejects.toBeInstanceOf(TicketNotFoundError);
  });

  it('allows the reverse edge once the path is removed', async () => {
    expect(await removePrerequisite({ db: t.db, ticketId: c, prerequisiteId: b })).toBe(true);
    expect(await removePrerequisite({ db: t.db, ticketId: c, prerequisiteId: b })).toBe(false);
    expect(await addPrerequisite({ db: t.db, ticketId: b, prerequisiteId: c })).toBe(true);
  });
});
