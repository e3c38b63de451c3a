import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordConceptProgress } from '../../services/paths/record-concept-progress.js';
import { buildTestApp } from '../../test-support/build-app.js';
import { callerOf } from '../../test-support/call-as.js';
import { insertMaterial, recursionChapter } from '../../test-support/insert-material.js';
import { type JwksServer, startJwksServer } from '../../test-support/jwks-server.js';
import { databaseServerUrl, openTestDatabase } from '../../test-support/test-database.js';

interface ConceptBody {
  ticketId: number;
  concept: string;
  status: string;
  locked: boolean;
}
interface PathBody {
  id: string;
  concepts: ConceptBody[];
}

describe.skipIf(!databaseServerUrl)('progress and what comes next', () => {
  let jwks: JwksServer;
  let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
  let built: ReturnType<typeof buildTestApp>;
  let shared: PathBody;
  let adasPath: PathBody;
  const people = {
    instructor: { sub: randomUUID(), username: 'ines', group: 'instructors' },
    ada: { sub: randomUUID(), username: 'ada', group: 'learners' },
    bob: { sub: randomUUID(), username: 'bob', group: 'learners' },
  };
  type Person = keyof typeof people;

  const callAs = callerOf({ jwks: () => jwks, app: () => built.app });
  async function call(who: Person, method: string, url: string, body?: unknown) {
    const res = await callAs(people[who], method, url, body);
    // biome-ignore lint/suspicious/noExplicitAny: each test reads the body its route documents
    return { status: res.status, body: (await res.json()) as any };
  }
  const idOf = (view: PathBody, name: string) =>
    view.concepts.find((concept) => concept.concept === name)!.ticketId;
  const master = async (who: Person, ticketId: number) => {
    for (const score of [1, 1]) {
      await recordConceptProgress({ deps: built.deps, userId: people[who].sub, ticketId, score });
    }
  };
  const readyNames = async (who: Person, view: PathBody) =>
    ((await call(who, 'GET', `/paths/${view.id}/next`)).body.ready as ConceptBody[]).map(
      (concept) => concept.concept,
    );

  beforeAll(async () => {
    jwks = await startJwksServer();
    testDb = await openTestDatabase();
    built = buildTestApp({ jwks, db: testDb.db, databaseUrl: testDb.database.url });
    const { chunkIds } = await insertMaterial({
      db: testDb.db,
      title: 'Thinking recursively',
      chunks: recursionChapter,
    });
    shared = (
      await call('instructor', 'POST', '/paths', { kind: 'shared', title: 'Class', chunkIds })
    ).body;
    await call('instructor', 'PATCH', `/paths/${shared.id}`, { status: 'published' });
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

  it('offers the concepts whose prerequisites are all mastered, and moves on with mastery', async () => {
    expect(await readyNames('ada', shared)).toEqual(['Functions']);
    await master('ada', idOf(shared, 'Functions'));
    expect(await readyNames('ada', shared)).toEqual(['argument', 'parameter']);
    await master('ada', idOf(shared, 'parameter'));
    expect(await readyNames('ada', shared)).toEqual(['argument', 'The call stack']);
    // Bob's mastery is his own.
    expect(await readyNames('bob', shared)).toEqual(['Functions']);
  });

  it('lists the path’s reviews that are due, most overdue first', async () => {
    const functions = idOf(shared, 'Functions');
    const parameter = idOf(shared, 'parameter');
    const hour = 60 * 60 * 1000;
    const card = (ticketId: number, userId: string, dueIn: number) =>
      testDb.db.reviewCard.create({
        data: { cognitoUserId: userId, ticketId, due: new Date(Date.now() + dueIn) },
      });
    const overdue = await card(parameter, people.ada.sub, -2 * hour);
    const due = await card(functions, people.ada.sub, -hour);
    await card(idOf(shared, 'argument'), people.ada.sub, 24 * hour);
    await card(functions, people.bob.sub, -hour);
    await card(idOf(adasPath, 'Recursion'), people.ada.sub, -hour);

    const next = await call('ada', 'GET', `/paths/${shared.id}/next`);
    expect(next.status).toBe(200);
    expect(next.body.reviews).toEqual([
      {
        cardId: overdue.id,
        ticketId: parameter,
        concept: 'parameter',
        due: overdue.due.toISOString(),
      },
      { cardId: due.id, ticketId: functions, concept: 'Functions', due: due.due.toISOString() },
    ]);
  });

  it('shows a learner their own progress per concept and per path', async () => {
    await recordConceptProgress({
      deps: built.deps,
      userId: people.ada.sub,
      ticketId: idOf(adasPath, 'Recursion'),
      score: 0.5,
    });
    const res = await call('ada', 'GET', '/progress');
    expect(res.status).toBe(200);
    expect(res.body.concepts).toEqual([
      expect.objectContaining({ concept: 'Functions', status: 'mastered', score: 1, attempts: 2 }),
      expect.objectContaining({ concept: 'parameter', status: 'mastered' }),
      expect.objectContaining({ concept: 'Recursion', status: 'in_progress', score: 0.5 }),
    ]);
    expect(res.body.paths).toEqual([
      { id: adasPath.id, title: 'Mine', kind: 'personal', concepts: 4, mastered: 0, started: 1 },
      { id: shared.id, title: 'Class', kind: 'shared', concepts: 9, mastered: 2, started: 0 },
    ]);
    expect((await call('bob', 'GET', '/progress')).body).toEqual({ concepts: [], paths: [] });
  });

  it('gives instructors the learner by concept matrix and learners a 403', async () => {
    await recordConceptProgress({
      deps: built.deps,
      userId: people.bob.sub,
      ticketId: idOf(shared, 'argument'),
      score: 0.3,
    });
    const res = await call('instructor', 'GET', `/paths/${shared.id}/progress`);
    expect(res.status).toBe(200);
    expect(res.body.concepts).toHaveLength(9);
    const rows = new Map(
      (
        res.body.learners as { userId: string; mastered: number; cells: { status: string }[] }[]
      ).map((row) => [row.userId, row]),
    );
    expect([...rows.keys()].sort()).toEqual([people.ada.sub, people.bob.sub].sort());
    expect(rows.get(people.ada.sub)!.mastered).toBe(2);
    expect(rows.get(people.bob.sub)!.cells.map((cell) => cell.status)).toEqual([
      'not_started',
      'in_progress',
      ...Array(7).fill('not_started'),
    ]);

    const learner = await call('ada', 'GET', `/paths/${shared.id}/progress`);
    expect(learner.status).toBe(403);
    expect((await call('instructor', 'GET', `/paths/${randomUUID()}/progress`)).status).toBe(404);
  });

  it('answers 404 for the next steps of a path the learner may not see', async () => {
    expect((await call('bob', 'GET', `/paths/${adasPath.id}/next`)).status).toBe(404);
    expect((await call('bob', 'GET', `/paths/${randomUUID()}/next`)).status).toBe(404);
  });
});
