import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test-support/build-app.js';
import { callerOf } from '../../test-support/call-as.js';
import { insertMaterial, recursionChapter } from '../../test-support/insert-material.js';
import { type JwksServer, startJwksServer } from '../../test-support/jwks-server.js';
import { databaseServerUrl, openTestDatabase } from '../../test-support/test-database.js';

interface ConceptBody {
  ticketId: number;
  concept: string;
  difficulty: number;
  masteryThreshold: number;
  prerequisites: number[];
}
interface PathBody {
  id: string;
  title: string;
  status: string;
  targetRetention: number;
  concepts: ConceptBody[];
}

describe.skipIf(!databaseServerUrl)('editing a path', () => {
  let jwks: JwksServer;
  let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: ReturnType<typeof buildTestApp>['app'];
  let path: PathBody;
  let adasPath: PathBody;
  const people = {
    instructor: { sub: randomUUID(), username: 'ines', group: 'instructors' },
    ada: { sub: randomUUID(), username: 'ada', group: 'learners' },
    bob: { sub: randomUUID(), username: 'bob', group: 'learners' },
  };
  type Person = keyof typeof people;

  const callAs = callerOf({ jwks: () => jwks, app: () => app });
  async function call(who: Person, method: string, url: string, body?: unknown) {
    const res = await callAs(people[who], method, url, body);
    return { status: res.status, body: (await res.json()) as PathBody & Record<string, unknown> };
  }
  const idOf = (view: PathBody, name: string) =>
    view.concepts.find((concept) => concept.concept === name)!.ticketId;
  const prerequisite = (
    who: Person,
    method: 'PUT' | 'DELETE',
    view: PathBody,
    ticketId: number,
    prerequisiteId: number,
  ) => call(who, method, `/paths/${view.id}/concepts/${ticketId}/prerequisites/${prerequisiteId}`);

  beforeAll(async () => {
    jwks = await startJwksServer();
    testDb = await openTestDatabase();
    ({ app } = buildTestApp({ jwks, db: testDb.db, databaseUrl: testDb.database.url }));
    const { chunkIds } = await insertMaterial({
      db: testDb.db,
      title: 'Thinking recursively',
      chunks: recursionChapter,
    });
    path = (
      await call('instructor', 'POST', '/paths', { kind: 'shared', title: 'Recursion', chunkIds })
    ).body;
    adasPath = (
      await call('ada', 'POST', '/paths', {
        kind: 'personal',
        title: 'Mine',
        chunkIds: chunkIds.slice(2, 4),
      })
    ).body;
  });
  afterAll(async () => {
    await testDb?.close();
    await jwks?.close();
  });

  it('renames a concept and changes its settings through the ticket’s history', async () => {
    const ticketId = idOf(path, 'stack overflow');
    const res = await call('instructor', 'PATCH', `/paths/${path.id}/concepts/${ticketId}`, {
      concept: 'Stack overflow',
      difficulty: 2,
      masteryThreshold: 0.9,
      comment: 'Capitalised',
    });
    expect(res.status).toBe(200);
    expect(res.body.concepts.find((concept) => concept.ticketId === ticketId)).toMatchObject({
      concept: 'Stack overflow',
      difficulty: 2,
      masteryThreshold: 0.9,
    });
    const changes = await testDb.db.ticketChange.findMany({
      where: { ticketId },
      orderBy: { field: 'asc' },
    });
    expect(changes.map((change) => [change.author, change.field, change.newvalue])).toEqual([
      ['ines', 'comment', 'Capitalised'],
      ['ines', 'difficulty', '2'],
      ['ines', 'mastery_threshold', '0.9'],
      ['ines', 'summary', 'Stack overflow'],
    ]);
  });

  it('answers 400 for an edit that changes nothing, as the ticket layer reports it', async () => {
    const ticketId = idOf(path, 'argument');
    const res = await call('instructor', 'PATCH', `/paths/${path.id}/concepts/${ticketId}`, {
      concept: 'argument',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('nothing to change'),
    });
  });

  it('refuses a prerequisite that closes a cycle, naming the cycle, and changes nothing', async () => {
    const functions = idOf(path, 'Functions');
    const callStack = idOf(path, 'The call stack');
    const parameter = idOf(path, 'parameter');
    const before = await testDb.db.prerequisite.count();
    const res = await prerequisite('instructor', 'PUT', path, functions, callStack);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'CONFLICT',
      message: `#${callStack} cannot be a prerequisite of #${functions}: it would close the cycle #${functions} -> #${callStack} -> #${parameter} -> #${functions}`,
    });
    const self = await prerequisite('instructor', 'PUT', path, functions, functions);
    expect(self.status).toBe(409);
    expect(self.body.message).toMatch(new RegExp(`cycle #${functions} -> #${functions}$`));
    expect(await testDb.db.prerequisite.count()).toBe(before);
  });

  it('adds and removes prerequisites, and locks follow them', async () => {
    const argument = idOf(path, 'argument');
    const baseCase = idOf(path, 'Base case');
    const added = await prerequisite('instructor', 'PUT', path, baseCase, argument);
    expect(added.status).toBe(200);
    const prerequisitesOfBaseCase = () =>
      added.body.concepts.find((concept) => concept.ticketId === baseCase)!.prerequisites;
    expect(prerequisitesOfBaseCase()).toContain(argument);
    // Adding it again changes nothing.
    expect((await prerequisite('instructor', 'PUT', path, baseCase, argument)).status).toBe(200);

    const removed = await prerequisite('instructor', 'DELETE', path, baseCase, argument);
    expect(removed.status).toBe(200);
    expect(removed.body.concepts.find((c) => c.ticketId === baseCase)!.prerequisites).not.toContain(
      argument,
    );
    const again = await prerequisite('instructor', 'DELETE', path, baseCase, argument);
    expect(again.status).toBe(404);
    expect(again.body.message).toBe(`#${baseCase} does not need #${argument}`);
  });

  it('answers 404 for a concept that is not on the path', async () => {
    const elsewhere = idOf(adasPath, 'Recursion');
    const res = await prerequisite('instructor', 'PUT', path, idOf(path, 'Base case'), elsewhere);
    expect(res.status).toBe(404);
    expect(res.body.message).toBe(`Concept #${elsewhere} is not on path ${path.id}`);
    const edit = await call('instructor', 'PATCH', `/paths/${path.id}/concepts/${elsewhere}`, {
      difficulty: 1,
    });
    expect(edit.status).toBe(404);
  });

  it('lets learners change only their own personal paths', async () => {
    const shared = await call('ada', 'PATCH', `/paths/${path.id}`, { title: 'Hijacked' });
    // Not published yet: the draft does not exist for a learner.
    expect(shared.status).toBe(404);
    await call('instructor', 'PATCH', `/paths/${path.id}`, { status: 'published' });
    const published = await call('ada', 'PATCH', `/paths/${path.id}`, { title: 'Hijacked' });
    expect(published.status).toBe(403);
    const someoneElses = await call('bob', 'PATCH', `/paths/${adasPath.id}`, { title: 'Bob’s' });
    expect(someoneElses.status).toBe(404);

    const own = await call('ada', 'PATCH', `/paths/${adasPath.id}`, {
      title: 'Recursion, slowly',
      targetRetention: 0.85,
    });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ title: 'Recursion, slowly', targetRetention: 0.85 });
  });

  it('keeps an archived path as it was', async () => {
    const archived = await call('instructor', 'PATCH', `/paths/${path.id}`, { status: 'archived' });
    expect(archived.status).toBe(200);
    expect(archived.body.status).toBe('archived');
    for (const res of [
      await call('instructor', 'PATCH', `/paths/${path.id}`, { status: 'published' }),
      await call('instructor', 'PATCH', `/paths/${path.id}/concepts/${idOf(path, 'argument')}`, {
        difficulty: 3,
      }),
      await prerequisite(
        'instructor',
        'PUT',
        path,
        idOf(path, 'Base case'),
        idOf(path, 'argument'),
      ),
    ]) {
      expect(res.status).toBe(409);
      expect(res.body.message).toBe(`Path ${path.id} is archived: it is kept as it was`);
    }
    // Learners no longer see it; its instructor still does.
    expect((await call('bob', 'GET', `/paths/${path.id}`)).status).toBe(404);
    expect((await call('instructor', 'GET', `/paths/${path.id}`)).status).toBe(200);
  });

  it('names what is wrong with a change', async () => {
    const cases: [string, unknown, string][] = [
      [`/paths/${adasPath.id}`, {}, ''],
      [`/paths/${adasPath.id}`, { status: 'draft' }, 'status'],
      [`/paths/${adasPath.id}`, { targetRetention: 1 }, 'targetRetention'],
      [
        `/paths/${adasPath.id}/concepts/${idOf(adasPath, 'Recursion')}`,
        { difficulty: 6 },
        'difficulty',
      ],
      [`/paths/not-a-uuid`, { title: 'x' }, 'id'],
      [`/paths/${adasPath.id}/concepts/abc`, { difficulty: 1 }, 'ticketId'],
    ];
    for (const [url, body, field] of cases) {
      const res = await call('ada', 'PATCH', url, body);
      expect(res.status, url).toBe(400);
      expect((res.body.issues as { path: string }[]).map((issue) => issue.path)).toContain(field);
    }
  });
});
