import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test-support/build-app.js';
import { insertMaterial, recursionChapter } from '../../test-support/insert-material.js';
import { type JwksServer, startJwksServer } from '../../test-support/jwks-server.js';
import { insertPath } from '../../test-support/learning-fixtures.js';
import { databaseServerUrl, openTestDatabase } from '../../test-support/test-database.js';

describe.skipIf(!databaseServerUrl)('a learner’s own attempts on a concept', () => {
  let jwks: JwksServer;
  let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: ReturnType<typeof buildTestApp>['app'];
  let ticketId: number;
  let questionId: string;
  const ada = { sub: randomUUID(), username: 'ada', groups: ['learners'] };
  const bob = { sub: randomUUID(), username: 'bob', groups: ['learners'] };

  const call = async (user: typeof ada, method: string, path: string, body?: unknown) => {
    const token = await jwks.signToken({
      claims: { sub: user.sub, username: user.username, 'cognito:groups': user.groups },
    });
    const res = await app.request(`/api/learntrac${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: each test reads the body its route documents
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    jwks = await startJwksServer();
    testDb = await openTestDatabase();
    ({ app } = buildTestApp({ jwks, db: testDb.db, databaseUrl: testDb.database.url }));
    const { chunkIds } = await insertMaterial({
      db: testDb.db,
      title: 'Thinking recursively',
      chunks: recursionChapter,
    });
    const path = await insertPath({
      db: testDb.db,
      ownerId: ada.sub,
      kind: 'personal',
      status: 'published',
      concepts: [{ concept: 'Base case', chunkId: chunkIds[0]! }],
    });
    ticketId = path.ticketIds[0]!;
    const question = await testDb.db.question.create({
      data: {
        ticketId,
        kind: 'choice',
        prompt: 'What stops a recursion?',
        expectedAnswer: 'the base case',
        choices: ['the base case', 'a loop', 'the heap'],
        sourceChunkIds: [chunkIds[0]!],
        reviewStatus: 'approved',
      },
    });
    questionId = question.id;
    for (const answer of ['a loop', 'the base case']) {
      const res = await call(ada, 'POST', `/questions/${questionId}/answers`, { answer });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    await testDb?.close();
    await jwks?.close();
  });

  it('lists every answer with its question, grade and feedback, newest first', async () => {
    const res = await call(ada, 'GET', `/concepts/${ticketId}/attempts`);
    expect(res.status).toBe(200);
    expect(res.body.attempts.map((a: { answer: string }) => a.answer)).toEqual([
      'the base case',
      'a loop',
    ]);
    const [right, wrong] = res.body.attempts;
    expect(right).toMatchObject({ questionId, prompt: 'What stops a recursion?', score: 1 });
    expect(wrong.score).toBe(0);
    expect(wrong.feedback.summary).not.toBe('');
  });

  it('keeps to the limit asked for', async () => {
    const res = await call(ada, 'GET', `/concepts/${ticketId}/attempts?limit=1`);
    expect(res.body.attempts).toHaveLength(1);
    expect((await call(ada, 'GET', `/concepts/${ticketId}/attempts?limit=0`)).status).toBe(400);
  });

  it('hides another learner’s personal concept as if it did not exist', async () => {
    const res = await call(bob, 'GET', `/concepts/${ticketId}/attempts`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
