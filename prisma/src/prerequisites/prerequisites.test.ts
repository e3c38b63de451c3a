import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../client/create-prisma-client.js';
import type { Db } from '../client/db.js';
import { PrerequisiteCycleError, TicketNotFoundError } from '../errors.js';
import { createTestDatabase, type TestDatabase, testServerUrl } from '../testing/test-database.js';
import { createTicket } from '../tickets/create-ticket.js';
import { addPrerequisite } from './add-prerequisite.js';
import { removePrerequisite } from './remove-prerequisite.js';

const serverUrl = testServerUrl();

describe.skipIf(!serverUrl)('prerequisites', () => {
  let database: TestDatabase;
  let db: Db;
  let a: number;
  let b: number;
  let c: number;
  beforeAll(async () => {
    database = await createTestDatabase({ serverUrl: serverUrl!, migrate: true });
    db = createPrismaClient(database.url);
    const concept = (summary: string) =>
      createTicket({ db, author: 'teacher', fields: { summary, type: 'concept' } });
    [a, b, c] = (await Promise.all(['Graphs', 'BFS', 'Dijkstra'].map(concept))).map(
      (t) => t.id,
    ) as [number, number, number];
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it('adds prerequisites along a chain and ignores a repeated edge', async () => {
    expect(await addPrerequisite({ db, ticketId: b, prerequisiteId: a })).toBe(true);
    expect(await addPrerequisite({ db, ticketId: c, prerequisiteId: b })).toBe(true);
    expect(await addPrerequisite({ db, ticketId: c, prerequisiteId: b })).toBe(false);
    expect(await db.prerequisite.count()).toBe(2);
  });

  it('refuses an edge that would close a cycle, directly or through others', async () => {
    await expect(addPrerequisite({ db, ticketId: a, prerequisiteId: c })).rejects.toBeInstanceOf(
      PrerequisiteCycleError,
    );
    await expect(addPrerequisite({ db, ticketId: a, prerequisiteId: b })).rejects.toBeInstanceOf(
      PrerequisiteCycleError,
    );
    await expect(addPrerequisite({ db, ticketId: a, prerequisiteId: a })).rejects.toBeInstanceOf(
      PrerequisiteCycleError,
    );
    expect(await db.prerequisite.count()).toBe(2);
  });

  it('has the database itself refuse a cycle written around the verb', async () => {
    await expect(
      db.$executeRaw`INSERT INTO learning.prerequisites (ticket_id, prerequisite_id) VALUES (${a}, ${c})`,
    ).rejects.toThrow(/cycle/);
    await expect(
      db.$executeRaw`INSERT INTO learning.prerequisites (ticket_id, prerequisite_id) VALUES (${a}, ${a})`,
    ).rejects.toThrow(/cycle/);
  });

  it('says which ticket does not exist', async () => {
    await expect(
      addPrerequisite({ db, ticketId: a, prerequisiteId: 987_654 }),
    ).rejects.toBeInstanceOf(TicketNotFoundError);
  });

  it('allows the reverse edge once the path is removed', async () => {
    expect(await removePrerequisite({ db, ticketId: c, prerequisiteId: b })).toBe(true);
    expect(await removePrerequisite({ db, ticketId: c, prerequisiteId: b })).toBe(false);
    expect(await addPrerequisite({ db, ticketId: b, prerequisiteId: c })).toBe(true);
  });
});
