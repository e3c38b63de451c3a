import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../adapters/embedder/embedder.js';
import { createOnnxEmbedder } from '../../adapters/embedder/onnx-embedder.js';
import { createLocalLlm } from '../../adapters/llm/local-llm.js';
import { createMemoryRateLimiter } from '../../middleware/rate-limit.js';
import { buildTestApp } from '../../test-support/build-app.js';
import { heapChunk, stackChunk } from '../../test-support/data-structures-text.js';
import { findTestEmbeddingModel } from '../../test-support/embedding-model.js';
import { insertMaterial } from '../../test-support/insert-material.js';
import { type JwksServer, startJwksServer } from '../../test-support/jwks-server.js';
import { insertPath } from '../../test-support/learning-fixtures.js';
import { databaseServerUrl, openTestDatabase } from '../../test-support/test-database.js';

const modelDir = await findTestEmbeddingModel();

interface Question {
  id: string;
  kind: 'open' | 'choice' | 'cloze';
  prompt: string;
  choices?: string[];
  difficulty: number;
  sourceChunkIds: string[];
  expectedAnswer?: string;
  reviewStatus?: string;
  bloomLevel?: string;
}

describe.skipIf(!databaseServerUrl || !modelDir)('questions and answers', () => {
  let jwks: JwksServer;
  let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
  let embedder: Embedder;
  let app: ReturnType<typeof buildTestApp>['app'];
  const generateLimit = 10;
  const instructor = { sub: randomUUID(), username: 'ines', groups: ['instructors'] };
  const ada = { sub: randomUUID(), username: 'ada', groups: ['learners'] };
  const bob = { sub: randomUUID(), username: 'bob', groups: ['learners'] };
  const freshInstructor = () => ({ sub: randomUUID(), username: 'ivo', groups: ['instructors'] });
  let heapTicket: number;
  let stackTicket: number;
  let draftTicket: number;
  let adasOwnTicket: number;
  let heapChunkId: string;
  let generated: Question[];

  type User = typeof ada;
  const call = async (user: User, method: string, path: string, body?: unknown) => {
    const token = await jwks.signToken({
      claims: { sub: user.sub, username: user.username, 'cognito:groups': user.groups },
    });
    return app.request(`/api/learntrac${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  };
  const json = async <T>(response: Response, status: number): Promise<T> => {
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(status);
    return body as T;
  };
  const approve = (question: Question) =>
    call(instructor, 'PATCH', `/questions/${question.id}`, { reviewStatus: 'approved' });
  const answer = (user: User, question: Question, text: string) =>
    call(user, 'POST', `/questions/${question.id}/answers`, { answer: text });

  beforeAll(async () => {
    jwks = await startJwksServer();
    testDb = await openTestDatabase();
    embedder = await createOnnxEmbedder({ modelDir: modelDir! });
    ({ app } = buildTestApp({
      jwks,
      db: testDb.db,
      llm: createLocalLlm({ embedder }),
      llmRateLimiter: createMemoryRateLimiter({ limit: generateLimit, windowSeconds: 60 }),
    }));
    const { db } = testDb;
    const material = await insertMaterial({
      db,
      title: 'Data structures',
      // One page each, so suggestions have pages to name.
      chunks: [heapChunk, stackChunk].map((chunk, i) => ({ ...chunk, pageStart: i + 1 })),
    });
    heapChunkId = material.chunkIds[0]!;
    const shared = await insertPath({
      db,
      ownerId: instructor.sub,
      status: 'published',
      concepts: [
        { concept: 'binary heap', chunkId: material.chunkIds[0]! },
        { concept: 'stack', chunkId: material.chunkIds[1]! },
      ],
    });
    [heapTicket, stackTicket] = shared.ticketIds as [number, number];
    const draft = await insertPath({
      db,
      ownerId: instructor.sub,
      status: 'draft',
      concepts: [{ concept: 'priority queue', chunkId: material.chunkIds[0]! }],
    });
    draftTicket = draft.ticketIds[0]!;
    const own = await insertPath({
      db,
      ownerId: ada.sub,
      kind: 'personal',
      status: 'published',
      concepts: [{ concept: 'heap property', chunkId: material.chunkIds[0]! }],
    });
    adasOwnTicket = own.ticketIds[0]!;
  });
  afterAll(async () => {
    await embedder?.close();
    await testDb?.close();
    await jwks?.close();
  });

  it('lets an instructor generate questions of every kind, grounded in the concept’s chunk and waiting for review', async () => {
    const response = await call(instructor, 'POST', `/concepts/${heapTicket}/questions/generate`, {
      count: 6,
    });
    generated = (await json<{ questions: Question[] }>(response, 201)).questions;
    expect(new Set(generated.map((question) => question.kind))).toEqual(
      new Set(['open', 'choice', 'cloze']),
    );
    for (const question of generated) {
      expect(question).toMatchObject({ reviewStatus: 'pending', sourceChunkIds: [heapChunkId] });
      expect(question.expectedAnswer).toBeTruthy();
      expect(question.difficulty).toBeGreaterThanOrEqual(1);
    }
    const choice = generated.find((question) => question.kind === 'choice')!;
    // Wrong options come from the other concept of the same material.
    for (const option of choice.choices!.filter((option) => option !== choice.expectedAnswer)) {
      expect(['stack', 'last in, first out', 'push', 'pop']).toContain(option);
    }
    expect(await testDb.db.question.count({ where: { ticketId: heapTicket } })).toBe(
      generated.length,
    );
  });

  it('shows a learner no question until an instructor approves it, and never its answer', async () => {
    const before = await json<{ questions: Question[] }>(
      await call(ada, 'GET', `/concepts/${heapTicket}/questions`),
      200,
    );
    expect(before.questions).toEqual([]);
    for (const question of generated) await json(await approve(question), 200);
    const after = await json<{ questions: Question[] }>(
      await call(ada, 'GET', `/concepts/${heapTicket}/questions`),
      200,
    );
    expect(after.questions).toHaveLength(generated.length);
    for (const question of after.questions) {
      expect(Object.keys(question).sort()).toEqual(
        (question.kind === 'choice'
          ? ['choices', 'difficulty', 'id', 'kind', 'prompt', 'sourceChunkIds']
          : ['difficulty', 'id', 'kind', 'prompt', 'sourceChunkIds']
        ).sort(),
      );
    }
    const instructorView = await json<{ questions: Question[] }>(
      await call(instructor, 'GET', `/concepts/${heapTicket}/questions`),
      200,
    );
    expect(instructorView.questions.every((question) => question.reviewStatus === 'approved')).toBe(
      true,
    );
  });

  it('grades a right choice with full marks and a wrong one with the answer and what to reread', async () => {
    const choice = generated.find((question) => question.kind === 'choice')!;
    const right = await json<Record<string, unknown>>(
      await answer(ada, choice, choice.expectedAnswer!.toUpperCase()),
      201,
    );
    expect(right).toMatchObject({ score: 1, gradedBy: 'exact', suggestions: [] });
    const wrongChoice = choice.choices!.find((option) => option !== choice.expectedAnswer)!;
    const wrong = await json<{
      score: number;
      feedback: { summary: string; missing: string[] };
      suggestions: unknown[];
      expectedAnswer: string;
    }>(await answer(ada, choice, wrongChoice), 201);
    expect(wrong.score).toBe(0);
    expect(wrong.feedback.summary).toContain(`the answer is "${choice.expectedAnswer}"`);
    expect(wrong.feedback.missing).toEqual([choice.expectedAnswer]);
    expect(wrong.suggestions).toEqual([
      expect.objectContaining({
        documentTitle: 'Data structures',
        chunkId: heapChunkId,
        headingPath: ['Trees', 'Binary heaps'],
        pageStart: 1,
      }),
    ]);
    const kept = await testDb.db.answerAttempt.findMany({
      where: { cognitoUserId: ada.sub, questionId: choice.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(kept.map((attempt) => attempt.score)).toEqual([1, 0]);
  });

  it('grades a cloze exactly, ignoring case, punctuation, spacing and a leading article', async () => {
    const cloze = generated.find((question) => question.kind === 'cloze')!;
    const messy = `  The ${cloze.expectedAnswer!.toUpperCase().split(' ').join('   ')}! `;
    expect((await json<{ score: number }>(await answer(ada, cloze, messy), 201)).score).toBe(1);
    expect((await json<{ score: number }>(await answer(ada, cloze, 'heaps'), 201)).score).toBe(0);
  });

  it('grades an open answer by meaning and key terms, saying what was right and what was missing', async () => {
    const open = generated.find((question) => question.kind === 'open')!;
    const full = await json<{ score: number; gradedBy: string }>(
      await answer(ada, open, open.expectedAnswer!),
      201,
    );
    expect(full.score).toBeGreaterThanOrEqual(0.9);
    expect(full.gradedBy).toMatch(/^local-extractive/);
    const off = await json<{ score: number; feedback: { right: string[]; missing: string[] } }>(
      await answer(ada, open, 'You bake it in the oven for forty minutes.'),
      201,
    );
    expect(off.score).toBeLessThan(0.3);
    expect(off.feedback.missing.length).toBeGreaterThan(0);
  });

  it('lets an instructor edit a question, and refuses an edit that breaks it', async () => {
    const choice = generated.find((question) => question.kind === 'choice')!;
    const edited = await json<Question>(
      await call(instructor, 'PATCH', `/questions/${choice.id}`, {
        prompt: 'Which structure keeps its smallest element at the root?',
        difficulty: 3,
      }),
      200,
    );
    expect(edited).toMatchObject({
      prompt: 'Which structure keeps its smallest element at the root?',
      difficulty: 3,
      bloomLevel: 'apply',
    });
    const broken = await call(instructor, 'PATCH', `/questions/${choice.id}`, {
      expectedAnswer: 'red-black tree',
    });
    expect(await json(broken, 400)).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'expectedAnswer', message: 'must be one of the choices' }],
    });
  });

  it('regenerates a question as a new one of the same kind and rejects the old one', async () => {
    const cloze = generated.find((question) => question.kind === 'cloze')!;
    const fresh = await json<Question>(
      await call(instructor, 'POST', `/questions/${cloze.id}/regenerate`),
      201,
    );
    expect(fresh).toMatchObject({ kind: 'cloze', reviewStatus: 'pending' });
    expect(fresh.prompt).not.toBe(cloze.prompt);
    const old = await testDb.db.question.findUniqueOrThrow({ where: { id: cloze.id } });
    expect(old.reviewStatus).toBe('rejected');
    // Answers to the old question are kept as they were.
    expect(await testDb.db.answerAttempt.count({ where: { questionId: cloze.id } })).toBe(2);
  });

  it('lets a learner have questions written for their personal path, ready at once, and master it', async () => {
    const made = await json<{ questions: Question[] }>(
      await call(ada, 'POST', `/concepts/${adasOwnTicket}/questions/generate`, {
        kinds: ['cloze'],
        count: 2,
      }),
      201,
    );
    // Ready at once, and ada, who will answer them, is not shown their answers.
    for (const question of made.questions) expect(question).not.toHaveProperty('expectedAnswer');
    const stored = await testDb.db.question.findMany({
      where: { id: { in: made.questions.map((question) => question.id) } },
    });
    expect(stored.every((row) => row.reviewStatus === 'approved')).toBe(true);
    const answerOf = new Map(stored.map((row) => [row.id, row.expectedAnswer]));
    const listed = await json<{ questions: Question[] }>(
      await call(ada, 'GET', `/concepts/${adasOwnTicket}/questions`),
      200,
    );
    expect(listed.questions.map((question) => question.id).sort()).toEqual(
      made.questions.map((question) => question.id).sort(),
    );
    const progressOf = async (question: Question) =>
      (
        await json<{ progress: { status: string; attempts: number } }>(
          await answer(ada, question, answerOf.get(question.id)!),
          201,
        )
      ).progress;
    expect(await progressOf(made.questions[0]!)).toMatchObject({
      status: 'completed',
      attempts: 1,
    });
    expect(await progressOf(made.questions[1]!)).toMatchObject({ status: 'mastered', attempts: 2 });
    const ticket = await testDb.db.ticket.findUniqueOrThrow({ where: { id: adasOwnTicket } });
    expect(ticket).toMatchObject({ status: 'closed', resolution: 'mastered' });
  });

  describe('what a learner may not see or do', () => {
    it('answers 404 to an answer to a question that is not approved', async () => {
      const pending = await testDb.db.question.findFirstOrThrow({
        where: { ticketId: heapTicket, reviewStatus: 'pending' },
      });
      const response = await call(ada, 'POST', `/questions/${pending.id}/answers`, {
        answer: 'heap',
      });
      expect(await json(response, 404)).toMatchObject({ code: 'NOT_FOUND' });
    });

    it("answers 404 for another learner's personal path and for a draft path", async () => {
      const own = await testDb.db.question.findFirstOrThrow({ where: { ticketId: adasOwnTicket } });
      await json(await call(bob, 'GET', `/concepts/${adasOwnTicket}/questions`), 404);
      await json(await call(bob, 'POST', `/questions/${own.id}/answers`, { answer: 'x' }), 404);
      await json(await call(bob, 'POST', `/concepts/${adasOwnTicket}/questions/generate`, {}), 404);
      await json(await call(bob, 'POST', `/questions/${own.id}/regenerate`), 404);
      await json(await call(ada, 'GET', `/concepts/${draftTicket}/questions`), 404);
      await json(await call(ada, 'GET', '/concepts/999999/questions'), 404);
    });

    it('refuses a learner generating, editing or regenerating questions', async () => {
      const [question] = generated;
      await json(await call(ada, 'POST', `/concepts/${heapTicket}/questions/generate`, {}), 403);
      await json(
        await call(ada, 'PATCH', `/questions/${question!.id}`, { reviewStatus: 'approved' }),
        403,
      );
      await json(await call(ada, 'POST', `/questions/${question!.id}/regenerate`), 403);
    });
  });

  describe('bad input', () => {
    it.each([
      ['an answer with no text', 'POST', 'answers', { answer: '   ' }, 'answer'],
      ['an answer without the field', 'POST', 'answers', {}, 'answer'],
      ['an answer with an unknown field', 'POST', 'answers', { answer: 'x', score: 1 }, ''],
      ['an edit of an unknown field', 'PATCH', '', { correct: true }, ''],
      ['an edit with a bad status', 'PATCH', '', { reviewStatus: 'maybe' }, 'reviewStatus'],
      ['an edit with no fields', 'PATCH', '', {}, ''],
    ])('refuses %s with 400 naming the field', async (_case, method, suffix, body, field) => {
      const question = generated[0]!;
      const path = `/questions/${question.id}${suffix ? `/${suffix}` : ''}`;
      const error = await json<{ code: string; issues: { path: string }[] }>(
        await call(method === 'PATCH' ? instructor : ada, method, path, body),
        400,
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      if (field) expect(error.issues.map((issue) => issue.path)).toContain(field);
    });

    it('refuses malformed ids and generation settings with 400', async () => {
      await json(await call(ada, 'GET', '/concepts/abc/questions'), 400);
      await json(await call(ada, 'POST', '/questions/not-a-uuid/answers', { answer: 'x' }), 400);
      const kinds = await json<{ issues: { path: string }[] }>(
        await call(instructor, 'POST', `/concepts/${stackTicket}/questions/generate`, {
          kinds: ['essay'],
        }),
        400,
      );
      expect(kinds.issues[0]!.path).toBe('kinds.0');
    });

    it('answers 404 for questions and concepts that do not exist', async () => {
      await json(
        await call(ada, 'POST', `/questions/${randomUUID()}/answers`, { answer: 'x' }),
        404,
      );
      await json(
        await call(instructor, 'PATCH', `/questions/${randomUUID()}`, { difficulty: 2 }),
        404,
      );
    });

    it('answers 422 when a concept has no material to ask about', async () => {
      const bare = await insertPath({
        db: testDb.db,
        ownerId: instructor.sub,
        status: 'published',
        concepts: [{ concept: 'graphs', chunkId: null }],
      });
      const error = await json<{ code: string; message: string }>(
        await call(
          freshInstructor(),
          'POST',
          `/concepts/${bare.ticketIds[0]}/questions/generate`,
          {},
        ),
        422,
      );
      expect(error).toMatchObject({ code: 'UNPROCESSABLE' });
      expect(error.message).toContain('no source material');
    });
  });

  it('limits how often one user may use the question writer, with 429 and Retry-After', async () => {
    const busy = { sub: randomUUID(), username: 'ivy', groups: ['instructors'] };
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i <= generateLimit; i += 1) {
      const response = await call(busy, 'POST', `/concepts/${stackTicket}/questions/generate`, {
        count: 1,
      });
      statuses.push(response.status);
      if (response.status === 429) refused = response;
    }
    expect(statuses.at(-1)).toBe(429);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused!.json()).toMatchObject({ code: 'RATE_LIMITED' });
    // Another instructor is counted apart.
    const other = await call(
      freshInstructor(),
      'POST',
      `/concepts/${stackTicket}/questions/generate`,
      {
        count: 1,
      },
    );
    expect(other.status).not.toBe(429);
  });
});
