import { randomUUID } from 'node:crypto';
import { insertMaterial, recursionChapter } from '@learntrac/learn-api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LearnApiStack, startLearnApiStack } from '@/test/learn-api-stack';
import { createLearnApiClient, type LearnApiClient, learnApiResult } from './learn-api-client';
import { loadConceptPage, loadDashboard, loadPath, loadProgress } from './learner-api';

const haveDatabase = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!haveDatabase)('what the learner screens load from the real learn-api', () => {
  let stack: LearnApiStack;
  let api: LearnApiClient;
  let pathId: string;
  let first: { ticketId: number; concept: string };

  beforeAll(async () => {
    stack = await startLearnApiStack();
    const { chunkIds } = await insertMaterial({
      db: stack.db,
      title: 'Thinking recursively',
      chunks: recursionChapter,
    });
    api = createLearnApiClient({
      baseUrl: stack.learnApiUrl,
      accessToken: (await stack.tokensFor('learner')).access_token,
    });
    const path = await learnApiResult(
      api.POST('/api/learntrac/paths', {
        body: { kind: 'personal', title: 'Recursion for me', chunkIds: chunkIds.slice(0, 3) },
      }),
    );
    if (!path.ok) throw new Error(JSON.stringify(path));
    pathId = path.data.id;
    first = path.data.concepts[0]!;
    const written = await learnApiResult(
      api.POST('/api/learntrac/concepts/{ticketId}/questions/generate', {
        params: { path: { ticketId: first.ticketId } },
        body: {},
      }),
    );
    if (!written.ok) throw new Error(JSON.stringify(written));
    const answered = await learnApiResult(
      api.POST('/api/learntrac/questions/{id}/answers', {
        params: { path: { id: written.data.questions[0]!.id } },
        body: { answer: 'I am not sure' },
      }),
    );
    if (!answered.ok) throw new Error(JSON.stringify(answered));
  }, 120_000);
  afterAll(() => stack?.close());

  it('puts the new path on the dashboard with its progress and the concept to start with', async () => {
    const dashboard = await loadDashboard(api, { reviews: true });
    expect(dashboard.ok).toBe(true);
    if (!dashboard.ok) return;
    const mine = dashboard.data.paths.find((path) => path.id === pathId);
    expect(mine?.counts).toMatchObject({ mastered: 0 });
    expect(dashboard.data.ready.map((entry) => entry.concept.ticketId)).toContain(first.ticketId);
  });

  it('lists the review card the wrong answer started as due later today, not as due now', async () => {
    // Near midnight UTC the card may fall due tomorrow: look from the middle of a day instead.
    const now = new Date();
    if (now.getUTCHours() === 23) now.setUTCHours(36);
    const dashboard = await loadDashboard(api, { reviews: true, now });
    expect(dashboard.ok).toBe(true);
    if (!dashboard.ok) return;
    const card = dashboard.data.dueReviews.find((due) => due.ticketId === first.ticketId);
    expect(card).toBeDefined();
    expect(new Date(card!.due).getTime()).toBeGreaterThan(Date.now());
  });

  it('gives the concept page its questions without answers, and the learner’s attempt', async () => {
    const page = await loadConceptPage(api, { pathId, ticketId: first.ticketId });
    expect(page?.ok).toBe(true);
    if (!page?.ok) return;
    expect(page.data.concept.concept).toBe(first.concept);
    expect(page.data.questions.length).toBeGreaterThan(0);
    for (const question of page.data.questions)
      expect(question).not.toHaveProperty('expectedAnswer');
    expect(page.data.attempts.map((attempt) => attempt.answer)).toEqual(['I am not sure']);
  });

  it('finds no concept page for a ticket that is not on the path', async () => {
    expect(await loadConceptPage(api, { pathId, ticketId: 999_999 })).toBeNull();
  });

  it('charts one path’s last 30 days with today’s answer in it', async () => {
    const progress = await loadProgress(api, pathId);
    expect(progress.ok).toBe(true);
    if (!progress.ok) return;
    expect(progress.data.history.pathId).toBe(pathId);
    expect(progress.data.history.days).toHaveLength(30);
    expect(progress.data.history.days.at(-1)?.answers).toBe(1);
  });

  it('passes learn-api’s 404 on for a path the learner cannot see', async () => {
    expect(await loadPath(api, randomUUID())).toMatchObject({ ok: false, status: 404 });
  });
});
