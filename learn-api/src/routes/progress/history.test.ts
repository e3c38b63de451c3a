import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordConceptProgress } from '../../services/paths/record-concept-progress.js';
import { buildTestApp } from '../../test-support/build-app.js';
import { insertMaterial, recursionChapter } from '../../test-support/insert-material.js';
import { type JwksServer, startJwksServer } from '../../test-support/jwks-server.js';
import { insertPath } from '../../test-support/learning-fixtures.js';
import { databaseServerUrl, openTestDatabase } from '../../test-support/test-database.js';

const DAY = 86_400_000;
const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

describe.skipIf(!databaseServerUrl)('mastery over time', () => {
  let jwks: JwksServer;
  let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
  let built: ReturnType<typeof buildTestApp>;
  let adasPath: { pathId: string; ticketIds: number[] };
  let otherPath: { pathId: string; ticketIds: number[] };
  let bobsPath: { pathId: string; ticketIds: number[] };
  const ada = { sub: randomUUID(), username: 'ada', groups: ['learners'] };
  const bob = { sub: randomUUID(), username: 'bob', groups: ['learners'] };
  const now = Date.now();

  const call = async (user: typeof ada, path: string) => {
    const token = await jwks.signToken({
      claims: { sub: user.sub, username: user.username, 'cognito:groups': user.groups },
    });
    const res = await built.app.request(`/api/learntrac${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    // biome-ignore lint/suspicious/noExplicitAny: each test reads the body its route documents
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    jwks = await startJwksServer();
    testDb = await openTestDatabase();
    built = buildTestApp({ jwks, db: testDb.db, databaseUrl: testDb.database.url });
    const db = testDb.db;
    const { chunkIds } = await insertMaterial({ db, title: 'Recursion', chunks: recursionChapter });
    const personal = (ownerId: string, concept: string) =>
      insertPath({
        db,
        ownerId,
        kind: 'personal',
        status: 'published',
        concepts: [{ concept, chunkId: chunkIds[0]! }],
      });
    adasPath = await personal(ada.sub, 'Base case');
    otherPath = await personal(ada.sub, 'Call stack');
    bobsPath = await personal(bob.sub, 'Base case');
    const ticketId = adasPath.ticketIds[0]!;
    const question = await db.question.create({
      data: {
        ticketId,
        prompt: 'What stops a recursion?',
        expectedAnswer: 'the base case',
        sourceChunkIds: [chunkIds[0]!],
        reviewStatus: 'approved',
      },
    });
    const answered = (score: number, at: number) =>
      db.answerAttempt.create({
        data: {
          questionId: question.id,
          ticketId,
          cognitoUserId: ada.sub,
          answer: 'x',
          score,
          createdAt: new Date(at),
        },
      });
    await answered(1, now - 2 * DAY);
    await answered(0.5, now - 2 * DAY);
    await answered(1, now);
    for (const score of [1, 1]) {
      await recordConceptProgress({
        deps: built.deps,
        userId: ada.sub,
        ticketId,
        score,
        at: new Date(now - 2 * DAY),
      });
    }
  });
  afterAll(async () => {
    await testDb?.close();
    await jwks?.close();
  });

  it('gives one entry per day, today last, with mastery counted from the day it happened', async () => {
    const res = await call(ada, '/progress/history?days=4');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      pathId: null,
      days: [
        { date: dayOf(now - 3 * DAY), mastered: 0, answers: 0, averageScore: null },
        { date: dayOf(now - 2 * DAY), mastered: 1, answers: 2, averageScore: 0.75 },
        { date: dayOf(now - DAY), mastered: 1, answers: 0, averageScore: null },
        { date: dayOf(now), mastered: 1, answers: 1, averageScore: 1 },
      ],
    });
  });

  it('counts only one path’s concepts when asked', async () => {
    const res = await call(ada, `/progress/history?days=1&pathId=${otherPath.pathId}`);
    expect(res.body).toEqual({
      pathId: otherPath.pathId,
      days: [{ date: dayOf(now), mastered: 0, answers: 0, averageScore: null }],
    });
  });

  it('keeps each learner’s history their own', async () => {
    const res = await call(bob, '/progress/history?days=3');
    expect(res.body.days.every((day: { mastered: number }) => day.mastered === 0)).toBe(true);
    expect((await call(ada, `/progress/history?pathId=${bobsPath.pathId}`)).status).toBe(404);
  });

  it('refuses a window it cannot give, naming the field', async () => {
    const res = await call(ada, '/progress/history?days=0');
    expect(res.status).toBe(400);
    expect(res.body.issues.map((issue: { path: string }) => issue.path)).toEqual(['days']);
  });
});
