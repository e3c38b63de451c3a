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
  sequence: number;
  difficulty: number;
  prerequisites: number[];
  status: string;
  score: number;
  locked: boolean;
  source: { documentId: string; headingPath: string[]; pageStart: number | null } | null;
}
interface PathBody {
  id: string;
  kind: string;
  title: string;
  status: string;
  ownerId: string;
  milestone: string | null;
  concepts: ConceptBody[];
}

describe.skipIf(!databaseServerUrl)('learning paths', () => {
  let jwks: JwksServer;
  let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: ReturnType<typeof buildTestApp>['app'];
  let chunkIds: string[];
  let draftChunkId: string;
  const people = {
    instructor: { sub: randomUUID(), username: 'ines', group: 'instructors' },
    ada: { sub: randomUUID(), username: 'ada', group: 'learners' },
    bob: { sub: randomUUID(), username: 'bob', group: 'learners' },
  };
  type Person = keyof typeof people;

  const callAs = callerOf({ jwks: () => jwks, app: () => app });
  async function call(who: Person, method: string, url: string, body?: unknown) {
    const res = await callAs(people[who], method, url, body);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }
  const counts = async () => ({
    paths: await testDb.db.path.count(),
    tickets: await testDb.db.ticket.count(),
    concepts: await testDb.db.conceptMetadata.count(),
    prerequisites: await testDb.db.prerequisite.count(),
    milestones: await testDb.db.milestone.count(),
  });

  beforeAll(async () => {
    jwks = await startJwksServer();
    testDb = await openTestDatabase();
    ({ app } = buildTestApp({ jwks, db: testDb.db, databaseUrl: testDb.database.url }));
    ({ chunkIds } = await insertMaterial({
      db: testDb.db,
      title: 'Thinking recursively',
      chunks: recursionChapter,
    }));
    [draftChunkId] = (
      await insertMaterial({
        db: testDb.db,
        title: 'Unpublished notes',
        published: false,
        chunks: [{ headingPath: ['Memoisation'], text: 'Memoisation keeps answers.' }],
      })
    ).chunkIds as [string];
  });
  afterAll(async () => {
    await testDb?.close();
    await jwks?.close();
  });

  let shared: PathBody;
  let adasPath: PathBody;

  it('builds a shared draft path of concept tickets from chosen chunks, in one go', async () => {
    const res = await call('instructor', 'POST', '/paths', {
      kind: 'shared',
      title: 'Recursion',
      subject: 'CS1 Recursion',
      chunkIds,
    });
    expect(res.status).toBe(201);
    shared = res.body as unknown as PathBody;
    expect(shared).toMatchObject({
      kind: 'shared',
      title: 'Recursion',
      status: 'draft',
      ownerId: people.instructor.sub,
      milestone: 'CS1 Recursion',
    });
    const names = shared.concepts.map((concept) => concept.concept);
    expect(names).toEqual([
      'Functions',
      'argument',
      'parameter',
      'The call stack',
      'stack frame',
      'Recursion',
      'recursive function',
      'Base case',
      'stack overflow',
    ]);
    const byName = new Map(shared.concepts.map((concept) => [concept.concept, concept]));
    expect(byName.get('Base case')!.prerequisites).toEqual([byName.get('Recursion')!.ticketId]);
    expect(byName.get('Functions')).toMatchObject({
      prerequisites: [],
      locked: false,
      status: 'not_started',
      difficulty: 1,
    });
    expect(byName.get('Recursion')).toMatchObject({
      locked: true,
      source: { headingPath: ['Recursion'], pageStart: 3 },
    });

    const ticket = await testDb.db.ticket.findUniqueOrThrow({
      where: { id: byName.get('Base case')!.ticketId },
      include: { custom: true },
    });
    expect(ticket).toMatchObject({
      type: 'concept',
      summary: 'Base case',
      milestone: 'CS1 Recursion',
      reporter: 'ines',
      status: 'new',
    });
    expect(ticket.description).toContain("section ''Recursion › Base case'', pages 4–5");
    expect(ticket.description).toContain('{{{\nEvery recursion needs a base case');
    expect(Object.fromEntries(ticket.custom.map((field) => [field.name, field.value]))).toEqual({
      // Functions -> parameter -> The call stack -> Recursion -> Base case.
      difficulty: '5',
      mastery_threshold: '0.8',
    });
    expect(
      await testDb.db.milestone.findUnique({ where: { name: 'CS1 Recursion' } }),
    ).not.toBeNull();
  });

  it('builds a learner’s personal path, open at once, its tickets owned by the learner', async () => {
    const res = await call('ada', 'POST', '/paths', {
      kind: 'personal',
      title: 'Recursion for me',
      chunkIds: chunkIds.slice(2, 4),
    });
    expect(res.status).toBe(201);
    adasPath = res.body as unknown as PathBody;
    expect(adasPath).toMatchObject({ kind: 'personal', status: 'published', milestone: null });
    const tickets = await testDb.db.ticket.findMany({
      where: { id: { in: adasPath.concepts.map((concept) => concept.ticketId) } },
    });
    expect(tickets.map((ticket) => [ticket.owner, ticket.milestone])).toEqual(
      tickets.map(() => ['ada', null]),
    );
  });

  it('shows learners published shared paths and their own personal paths, newest first', async () => {
    const titles = async (who: Person, query = '') =>
      ((await call(who, 'GET', `/paths${query}`)).body.paths as PathBody[]).map((p) => p.title);
    expect(await titles('ada')).toEqual(['Recursion for me']);
    expect(await titles('bob')).toEqual([]);
    expect(await titles('instructor')).toEqual(['Recursion']);
    expect(await titles('ada', '?kind=shared')).toEqual([]);

    expect(
      (await call('instructor', 'PATCH', `/paths/${shared.id}`, { status: 'published' })).status,
    ).toBe(200);
    expect(await titles('bob')).toEqual(['Recursion']);
    expect(await titles('ada')).toEqual(['Recursion for me', 'Recursion']);
    expect(await titles('ada', '?limit=1&offset=1')).toEqual(['Recursion']);
  });

  it('hides another learner’s personal path and an unpublished shared path as if absent', async () => {
    const bobSees = await call('bob', 'GET', `/paths/${adasPath.id}`);
    expect(bobSees).toEqual({
      status: 404,
      body: expect.objectContaining({ code: 'NOT_FOUND', message: `No path ${adasPath.id}` }),
    });
    expect((await call('bob', 'GET', `/paths/${randomUUID()}`)).status).toBe(404);
    expect((await call('ada', 'GET', `/paths/${adasPath.id}`)).status).toBe(200);
    expect((await call('instructor', 'GET', `/paths/${adasPath.id}`)).status).toBe(200);

    const draft = await call('instructor', 'POST', '/paths', {
      kind: 'shared',
      title: 'Draft',
      chunkIds: [chunkIds[0]],
    });
    expect((await call('bob', 'GET', `/paths/${draft.body.id}`)).status).toBe(404);
  });

  it('builds a personal path from what the learner asks to learn, searched in the material', async () => {
    const res = await call('bob', 'POST', '/paths', {
      kind: 'personal',
      title: 'Base cases',
      query: 'recursion base case',
      maxConcepts: 3,
    });
    expect(res.status).toBe(201);
    const path = res.body as unknown as PathBody & { sourceQuery: string };
    expect(path.sourceQuery).toBe('recursion base case');
    // Which neighbours join the best match depends on search ranking; the best match must lead.
    expect(path.concepts.map((concept) => concept.concept)).toContain('Base case');
    expect(path.concepts).toHaveLength(3);
  });

  it('answers 422 with the reason when a query finds no material the learner can see', async () => {
    const before = await counts();
    const nothing = await call('bob', 'POST', '/paths', {
      kind: 'personal',
      title: 'Plants',
      query: 'photosynthesis in chloroplasts',
    });
    expect(nothing.status).toBe(422);
    expect(nothing.body).toMatchObject({
      code: 'UNPROCESSABLE',
      message: expect.stringContaining(
        'No material you can see matches “photosynthesis in chloroplasts”',
      ),
    });
    // Unpublished notes are there for instructors only.
    expect(
      (await call('bob', 'POST', '/paths', { kind: 'personal', title: 'm', query: 'memoisation' }))
        .status,
    ).toBe(422);
    expect(await counts()).toEqual(before);
    const instructors = await call('instructor', 'POST', '/paths', {
      kind: 'shared',
      title: 'Memoisation',
      query: 'memoisation',
    });
    expect(instructors.status).toBe(201);
  });

  it('refuses a shared path to a learner and says to ask for a personal one', async () => {
    const before = await counts();
    const res = await call('bob', 'POST', '/paths', { kind: 'shared', title: 'Mine', chunkIds });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/LEARNING_MANAGE permission: .* ask for a personal path/);
    expect(await counts()).toEqual(before);
  });

  it('names the field of a body that is not valid', async () => {
    const cases: [unknown, string][] = [
      [{ kind: 'personal', title: 'x' }, 'query'],
      [{ kind: 'personal', title: 'x', chunkIds, query: 'recursion' }, 'query'],
      [{ kind: 'group', title: 'x', chunkIds }, 'kind'],
      [{ kind: 'personal', title: '  ', chunkIds }, 'title'],
      [{ kind: 'personal', title: 'x', chunkIds: ['not-a-uuid'] }, 'chunkIds.0'],
      [{ kind: 'personal', title: 'x', chunkIds, subject: 'CS1' }, 'subject'],
      [{ kind: 'shared', title: 'x', chunkIds, maxConcepts: 0 }, 'maxConcepts'],
      [{ kind: 'shared', title: 'x', chunkIds, documentIds: [randomUUID()] }, 'documentIds'],
    ];
    for (const [body, field] of cases) {
      const res = await call('instructor', 'POST', '/paths', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((res.body.issues as { path: string }[]).map((issue) => issue.path)).toContain(field);
    }
    const notJson = await call('instructor', 'POST', '/paths', '{"kind":');
    expect(notJson.status).toBe(400);
  });

  it('answers 404 naming chunks that do not exist or that a learner may not see', async () => {
    const unknown = randomUUID();
    const res = await call('ada', 'POST', '/paths', {
      kind: 'personal',
      title: 'x',
      chunkIds: [chunkIds[0], unknown, draftChunkId],
    });
    expect(res.status).toBe(404);
    expect(res.body.message).toBe(`No chunk ${unknown}, ${draftChunkId}`);
    expect(
      (
        await call('instructor', 'POST', '/paths', {
          kind: 'shared',
          title: 'From notes',
          chunkIds: [draftChunkId],
        })
      ).status,
    ).toBe(201);
  });

  it('answers 422 when the material has nothing to make concepts from', async () => {
    const { chunkIds: bare } = await insertMaterial({
      db: testDb.db,
      title: 'Bare',
      chunks: [{ headingPath: ['Exercises'], text: 'Try these at home.' }],
    });
    const res = await call('ada', 'POST', '/paths', {
      kind: 'personal',
      title: 'x',
      chunkIds: bare,
    });
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/no section headings or key terms/);
  });

  it('leaves nothing behind when building a path fails part way', async () => {
    // A real failure inside the transaction: the database refuses the third concept.
    await testDb.db.$executeRawUnsafe(`
      CREATE FUNCTION learning.refuse_parameter() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.concept = 'parameter' THEN RAISE EXCEPTION 'refused for the test'; END IF;
        RETURN NEW;
      END $$`);
    await testDb.db.$executeRawUnsafe(`
      CREATE TRIGGER refuse_parameter BEFORE INSERT ON learning.concept_metadata
      FOR EACH ROW EXECUTE FUNCTION learning.refuse_parameter()`);
    try {
      const before = await counts();
      const res = await call('instructor', 'POST', '/paths', {
        kind: 'shared',
        title: 'Half made',
        subject: 'A new subject',
        chunkIds,
      });
      expect(res.status).toBe(500);
      expect(await counts()).toEqual(before);
    } finally {
      await testDb.db.$executeRawUnsafe(
        'DROP TRIGGER refuse_parameter ON learning.concept_metadata',
      );
    }
  });
});
