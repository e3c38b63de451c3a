import { randomUUID } from 'node:crypto';
import {
  type RunningOpenAiCompatibleServer,
  startOpenAiCompatibleServer,
} from '@learntrac/dev/openai-compatible';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../adapters/embedder/embedder.js';
import { createOnnxEmbedder } from '../../adapters/embedder/onnx-embedder.js';
import { answerStructuredLocally } from '../../adapters/llm/answer-structured-locally.js';
import type { Llm } from '../../adapters/llm/llm.js';
import { createLocalLlm } from '../../adapters/llm/local-llm.js';
import { createOpenAiLlm } from '../../adapters/llm/openai-llm.js';
import { createMemoryRateLimiter } from '../../middleware/rate-limit.js';
import { scheduleReview } from '../../services/review/schedule-review.js';
import { buildTestApp } from '../../test-support/build-app.js';
import { heapChunk, stackChunk } from '../../test-support/data-structures-text.js';
import { findTestEmbeddingModel } from '../../test-support/embedding-model.js';
import { insertMaterial } from '../../test-support/insert-material.js';
import { type JwksServer, startJwksServer } from '../../test-support/jwks-server.js';
import { insertPath } from '../../test-support/learning-fixtures.js';
import { databaseServerUrl, openTestDatabase } from '../../test-support/test-database.js';

const modelDir = await findTestEmbeddingModel();

interface DueCard {
  id: string;
  ticketId: number;
  concept: string;
  due: string;
  state: string;
  reps: number;
  question: { id: string; kind: string; prompt: string } | null;
}

describe.skipIf(!databaseServerUrl || !modelDir)('spaced review', () => {
  let jwks: JwksServer;
  let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
  let embedder: Embedder;
  let local: Llm;
  let server: RunningOpenAiCompatibleServer;
  let app: ReturnType<typeof buildTestApp>['app'];
  let heapTicket: number;
  let pathId: string;
  const questions: Record<
    'heapChoice' | 'heapCloze' | 'heapOpen' | 'stackCloze',
    { id: string; expectedAnswer: string }
  > = {} as never;
  const instructor = { sub: randomUUID(), username: 'ines', groups: ['instructors'] };
  const ada = { sub: randomUUID(), username: 'ada', groups: ['learners'] };
  const bob = { sub: randomUUID(), username: 'bob', groups: ['learners'] };
  type User = typeof ada;

  const callOn =
    (target: () => ReturnType<typeof buildTestApp>['app']) =>
    async (user: User, method: string, path: string, body?: unknown) => {
      const token = await jwks.signToken({
        claims: { sub: user.sub, username: user.username, 'cognito:groups': user.groups },
      });
      return target().request(`/api/learntrac${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    };
  const call = callOn(() => app);
  const json = async <T>(response: Response, status: number): Promise<T> => {
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(status);
    return body as T;
  };
  const dueCards = async (user: User) =>
    (await json<{ cards: DueCard[] }>(await call(user, 'GET', '/review/due'), 200)).cards;
  /** Time passes: the learner's cards fall due. */
  const makeDue = (user: User) =>
    testDb.db.reviewCard.updateMany({
      where: { cognitoUserId: user.sub },
      data: { due: new Date(Date.now() - 60_000) },
    });

  beforeAll(async () => {
    jwks = await startJwksServer();
    testDb = await openTestDatabase();
    embedder = await createOnnxEmbedder({ modelDir: modelDir! });
    local = createLocalLlm({ embedder });
    ({ app } = buildTestApp({ jwks, db: testDb.db, llm: local }));
    const material = await insertMaterial({
      db: testDb.db,
      title: 'Data structures',
      // One page each, so suggestions have pages to name.
      chunks: [heapChunk, stackChunk].map((chunk, i) => ({ ...chunk, pageStart: i + 1 })),
    });
    const path = await insertPath({
      db: testDb.db,
      ownerId: instructor.sub,
      status: 'published',
      concepts: [
        { concept: 'binary heap', chunkId: material.chunkIds[0]! },
        { concept: 'stack', chunkId: material.chunkIds[1]! },
      ],
    });
    heapTicket = path.ticketIds[0]!;
    pathId = path.pathId;
    for (const ticketId of path.ticketIds) {
      const made = await json<{
        questions: { id: string; kind: string; expectedAnswer: string }[];
      }>(await call(instructor, 'POST', `/concepts/${ticketId}/questions/generate`, {}), 201);
      for (const question of made.questions) {
        await json(
          await call(instructor, 'PATCH', `/questions/${question.id}`, {
            reviewStatus: 'approved',
          }),
          200,
        );
      }
      const of = (kind: string) => made.questions.find((question) => question.kind === kind)!;
      if (ticketId === heapTicket) {
        questions.heapChoice = of('choice');
        questions.heapCloze = of('cloze');
        questions.heapOpen = of('open');
      } else questions.stackCloze = of('cloze');
    }
    server = await startOpenAiCompatibleServer({
      embed: (texts) => embedder.embed(texts),
      answer: answerStructuredLocally(local),
    });
  });
  afterAll(async () => {
    await server?.close();
    await embedder?.close();
    await testDb?.close();
    await jwks?.close();
  });

  it("starts a learner's card for a concept with their first answer, not yet due", async () => {
    await json(
      await call(ada, 'POST', `/questions/${questions.heapChoice.id}/answers`, {
        answer: questions.heapChoice.expectedAnswer,
      }),
      201,
    );
    const card = await testDb.db.reviewCard.findUniqueOrThrow({
      where: { cognitoUserId_ticketId: { cognitoUserId: ada.sub, ticketId: heapTicket } },
      include: { logs: true },
    });
    expect(card).toMatchObject({ state: 1, reps: 1 });
    expect(card.due.getTime()).toBeGreaterThan(Date.now());
    expect(card.logs).toHaveLength(1);
    // A second answer practises; it does not start a second card.
    await json(
      await call(ada, 'POST', `/questions/${questions.heapCloze.id}/answers`, { answer: 'x' }),
      201,
    );
    expect(await testDb.db.reviewCard.count({ where: { cognitoUserId: ada.sub } })).toBe(1);
    expect(await dueCards(ada)).toEqual([]);
  });

  it('lists a card falling due later today only when asked for cards due before a later moment', async () => {
    const inAnHour = new Date(Date.now() + 60 * 60_000).toISOString();
    const laterToday = await json<{ cards: DueCard[] }>(
      await call(ada, 'GET', `/review/due?before=${encodeURIComponent(inAnHour)}`),
      200,
    );
    expect(laterToday.cards.map((card) => card.ticketId)).toEqual([heapTicket]);
    expect(new Date(laterToday.cards[0]!.due).getTime()).toBeGreaterThan(Date.now());
    expect(await dueCards(ada)).toEqual([]);
    const tooFar = new Date(Date.now() + 8 * 24 * 60 * 60_000).toISOString();
    const refused = await json<{ code: string; message: string }>(
      await call(ada, 'GET', `/review/due?before=${encodeURIComponent(tooFar)}`),
      400,
    );
    expect(refused.message).toMatch(/at most a week/);
    await json(await call(ada, 'GET', '/review/due?before=tomorrow'), 400);
  });

  it('lists due cards with the question answered longest ago', async () => {
    await makeDue(ada);
    const [card, ...rest] = await dueCards(ada);
    expect(rest).toEqual([]);
    expect(card).toMatchObject({ ticketId: heapTicket, concept: 'binary heap', state: 'learning' });
    // Ada answered one choice and one cloze; the question asked is one she never answered.
    expect([questions.heapChoice.id, questions.heapCloze.id]).not.toContain(card!.question!.id);
    expect(card!.question).not.toHaveProperty('expectedAnswer');
  });

  it('reviews a card with an answer and shows when it is next due', async () => {
    const [card] = await dueCards(ada);
    const before = Date.now();
    const result = await json<{
      score: number;
      rating: string;
      card: { id: string; due: string; reps: number; state: string };
    }>(
      await call(ada, 'POST', `/review/${card!.id}`, {
        questionId: questions.heapChoice.id,
        answer: questions.heapChoice.expectedAnswer,
      }),
      201,
    );
    expect(result.score).toBe(1);
    expect(result.rating).toBe('good');
    expect(result.card).toMatchObject({ id: card!.id, reps: 2 });
    expect(new Date(result.card.due).getTime()).toBeGreaterThan(before);
    const logs = await testDb.db.reviewLog.findMany({
      where: { cardId: card!.id },
      orderBy: { review: 'asc' },
      include: { attempt: true },
    });
    expect(logs).toHaveLength(2);
    expect(logs[1]).toMatchObject({ rating: 3, attempt: { questionId: questions.heapChoice.id } });
    expect(await dueCards(ada)).toEqual([]);
  });

  it('brings a card back soon after a wrong answer', async () => {
    await makeDue(ada);
    const [card] = await dueCards(ada);
    const result = await json<{ rating: string; card: { due: string; lapses: number } }>(
      await call(ada, 'POST', `/review/${card!.id}`, {
        questionId: questions.heapCloze.id,
        answer: 'a linked list',
      }),
      201,
    );
    expect(result.rating).toBe('again');
    expect(new Date(result.card.due).getTime() - Date.now()).toBeLessThan(60 * 60_000);
  });

  it("schedules by the path's target retention: a higher one brings reviews sooner", async () => {
    const day = 24 * 60 * 60 * 1000;
    const card = await testDb.db.reviewCard.findFirstOrThrow({ where: { cognitoUserId: ada.sub } });
    const known = {
      state: 2,
      stability: 20,
      difficulty: 5,
      reps: 6,
      lapses: 0,
      learningSteps: 0,
      elapsedDays: 20,
      scheduledDays: 20,
      lastReview: new Date(Date.now() - 20 * day),
      due: new Date(Date.now() - 60_000),
    };
    await testDb.db.path.update({ where: { id: pathId }, data: { targetRetention: 0.97 } });
    await testDb.db.reviewCard.update({ where: { id: card.id }, data: known });
    await json(
      await call(ada, 'POST', `/review/${card.id}`, {
        questionId: questions.heapChoice.id,
        answer: questions.heapChoice.expectedAnswer,
      }),
      201,
    );
    const reviewed = await testDb.db.reviewCard.findUniqueOrThrow({ where: { id: card.id } });
    const now = new Date();
    const expected = (targetRetention: number) =>
      scheduleReview({ card: { ...card, ...known }, rating: 3, now, targetRetention }).card
        .scheduledDays;
    expect(expected(0.97)).toBeLessThan(expected(0.9));
    expect(reviewed.scheduledDays).toBe(expected(0.97));
    await testDb.db.path.update({ where: { id: pathId }, data: { targetRetention: 0.9 } });
  });

  it("answers 404 to a learner touching another learner's card", async () => {
    const card = await testDb.db.reviewCard.findFirstOrThrow({ where: { cognitoUserId: ada.sub } });
    const response = await call(bob, 'POST', `/review/${card.id}`, {
      questionId: questions.heapChoice.id,
      answer: questions.heapChoice.expectedAnswer,
    });
    expect(await json(response, 404)).toMatchObject({ code: 'NOT_FOUND' });
    await makeDue(ada);
    expect(await dueCards(bob)).toEqual([]);
    expect(await testDb.db.answerAttempt.count({ where: { cognitoUserId: bob.sub } })).toBe(0);
  });

  it("answers 404 to a review with another concept's question, and 400 to a bad body", async () => {
    const card = await testDb.db.reviewCard.findFirstOrThrow({ where: { cognitoUserId: ada.sub } });
    const foreign = await call(ada, 'POST', `/review/${card.id}`, {
      questionId: questions.stackCloze.id,
      answer: 'stack',
    });
    expect(await json<{ message: string }>(foreign, 404)).toMatchObject({
      message: expect.stringContaining(`#${heapTicket}`),
    });
    const bad = await json<{ issues: { path: string }[] }>(
      await call(ada, 'POST', `/review/${card.id}`, { questionId: 'nope', answer: '' }),
      400,
    );
    expect(bad.issues.map((issue) => issue.path).sort()).toEqual(['answer', 'questionId']);
    await json(
      await call(ada, 'POST', `/review/${randomUUID()}`, {
        questionId: questions.heapChoice.id,
        answer: 'x',
      }),
      404,
    );
    await json(await call(ada, 'GET', '/review/due?limit=0'), 400);
  });

  describe('with a chat model grading open answers', () => {
    let graded: ReturnType<typeof buildTestApp>['app'];
    const limited = callOn(() => graded);

    beforeAll(() => {
      const llm = createOpenAiLlm({
        apiKey: 'sk-test',
        baseUrl: server.url,
        model: 'gpt-4o-mini',
        timeoutMs: 5_000,
        maxRetries: 0,
        logger: buildTestApp({ jwks }).logs.logger,
      });
      ({ app: graded } = buildTestApp({
        jwks,
        db: testDb.db,
        llm,
        llmRateLimiter: createMemoryRateLimiter({ limit: 1, windowSeconds: 60 }),
      }));
    });

    it('grades with the model, limits open answers per user with 429, and leaves exact grading unlimited', async () => {
      const open = await json<{ gradedBy: string; score: number }>(
        await limited(bob, 'POST', `/questions/${questions.heapOpen.id}/answers`, {
          answer: questions.heapOpen.expectedAnswer,
        }),
        201,
      );
      expect(open.gradedBy).toBe('openai:gpt-4o-mini');
      expect(open.score).toBeGreaterThan(0.9);
      const refused = await limited(bob, 'POST', `/questions/${questions.heapOpen.id}/answers`, {
        answer: 'again',
      });
      expect(await json(refused, 429)).toMatchObject({ code: 'RATE_LIMITED' });
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      await json(
        await limited(bob, 'POST', `/questions/${questions.heapChoice.id}/answers`, {
          answer: questions.heapChoice.expectedAnswer,
        }),
        201,
      );
      // Refused answers are not kept.
      expect(
        await testDb.db.answerAttempt.count({
          where: { cognitoUserId: bob.sub, questionId: questions.heapOpen.id },
        }),
      ).toBe(1);
    });

    it('answers 503 when the model cannot be reached', async () => {
      server.injectFaults({ status: 500 });
      const response = await limited(ada, 'POST', `/questions/${questions.heapOpen.id}/answers`, {
        answer: 'a tree',
      });
      expect(await json(response, 503)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    });
  });
});
