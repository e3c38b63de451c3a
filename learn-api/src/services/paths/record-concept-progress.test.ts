import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryCache } from '../../adapters/cache/memory-cache.js';
import { createLexicalEmbedder } from '../../adapters/embedder/lexical-embedder.js';
import { createPostgresVectorStore } from '../../adapters/vector-store/postgres-vector-store.js';
import { loadAuthUser } from '../../auth/load-auth-user.js';
import type { AuthUser } from '../../auth/user.js';
import { createCaptureLogger } from '../../test-support/capture-logger.js';
import { insertMaterial, recursionChapter } from '../../test-support/insert-material.js';
import { databaseServerUrl, openTestDatabase } from '../../test-support/test-database.js';
import { createPath } from './create-path.js';
import { getPath } from './get-path.js';
import { recordConceptProgress, SERVICE_AUTHOR } from './record-concept-progress.js';

describe.skipIf(!databaseServerUrl)('recording progress on a concept', () => {
  let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
  let deps: Parameters<typeof createPath>[0]['deps'];
  let ada: AuthUser;
  let bob: AuthUser;
  let ines: AuthUser;
  // Callers as a request would establish them: their grants come from the permission table.
  const person = (username: string, group: 'learners' | 'instructors') =>
    loadAuthUser({
      db: testDb.db,
      identity: { sub: randomUUID(), username, email: null, groups: [group], clientId: 'test' },
    });
  let personal: Awaited<ReturnType<typeof createPath>>;
  let shared: Awaited<ReturnType<typeof createPath>>;
  const ticketOf = (path: typeof personal, name: string) =>
    path.concepts.find((concept) => concept.concept === name)!.ticketId;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    const { logger } = createCaptureLogger();
    deps = {
      db: testDb.db,
      cache: createMemoryCache(),
      logger,
      embedder: createLexicalEmbedder(),
      vectorStore: createPostgresVectorStore({ databaseUrl: testDb.database.url, logger }),
    };
    [ada, bob, ines] = await Promise.all([
      person('ada', 'learners'),
      person('bob', 'learners'),
      person('ines', 'instructors'),
    ]);
    const { chunkIds } = await insertMaterial({
      db: testDb.db,
      title: 'Thinking recursively',
      chunks: recursionChapter,
    });
    personal = await createPath({
      deps,
      author: ada,
      input: { kind: 'personal', title: 'Mine', chunkIds: chunkIds.slice(2, 4) },
    });
    shared = await createPath({
      deps,
      author: ines,
      input: { kind: 'shared', title: 'Class', chunkIds, masteryThreshold: 0.9 },
    });
  });
  afterAll(async () => {
    await deps?.vectorStore.close();
    await testDb?.close();
  });

  it('moves from in progress to completed to mastered as recent answers improve', async () => {
    const ticketId = ticketOf(shared, 'Functions');
    const record = (score: number) =>
      recordConceptProgress({ deps, userId: bob.sub, ticketId, score });
    expect(await record(0.4)).toMatchObject({
      previousStatus: 'not_started',
      status: 'in_progress',
      attempts: 1,
      score: 0.4,
    });
    // One answer at the threshold completes the concept but is not yet mastery.
    expect(await record(0.95)).toMatchObject({ status: 'completed', attempts: 2 });
    // The average of the last three (0.4, 0.95, 1) is below 0.9.
    expect(await record(1)).toMatchObject({ status: 'completed', masteredAt: null });
    const mastered = await record(0.9);
    expect(mastered).toMatchObject({
      status: 'mastered',
      recentScores: [0.95, 1, 0.9],
      attempts: 4,
      masteryThreshold: 0.9,
      ticketClosed: false,
    });
    expect(mastered.score).toBeCloseTo(0.95);
    // Mastery stays: forgetting is for spaced review to catch.
    expect(await record(0.1)).toMatchObject({ status: 'mastered', previousStatus: 'mastered' });
  });

  it('never closes a shared path’s ticket for one learner', async () => {
    const ticketId = ticketOf(shared, 'Recursion');
    for (const score of [1, 1])
      await recordConceptProgress({ deps, userId: bob.sub, ticketId, score });
    const ticket = await testDb.db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    expect(ticket.status).toBe('new');
    expect(await testDb.db.ticketChange.count({ where: { ticketId } })).toBe(0);
  });

  it('closes a personal path’s ticket as mastered, in the ticket’s history', async () => {
    const ticketId = ticketOf(personal, 'Recursion');
    const at = new Date('2026-12-01T10:00:00Z');
    await recordConceptProgress({ deps, userId: ada.sub, ticketId, score: 0.85, at });
    const result = await recordConceptProgress({ deps, userId: ada.sub, ticketId, score: 0.9, at });
    expect(result).toMatchObject({ status: 'mastered', ticketClosed: true, masteredAt: at });

    const ticket = await testDb.db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    expect(ticket).toMatchObject({ status: 'closed', resolution: 'mastered' });
    const history = await testDb.db.ticketChange.findMany({
      where: { ticketId },
      orderBy: { field: 'asc' },
    });
    expect(
      history.map(({ author, field, oldvalue, newvalue }) => ({
        author,
        field,
        oldvalue,
        newvalue,
      })),
    ).toEqual([
      {
        author: SERVICE_AUTHOR,
        field: 'comment',
        oldvalue: '1',
        newvalue: 'Mastered: the last 2 answers averaged 88% (mastery at 80%).',
      },
      { author: SERVICE_AUTHOR, field: 'resolution', oldvalue: '', newvalue: 'mastered' },
      { author: SERVICE_AUTHOR, field: 'status', oldvalue: 'new', newvalue: 'closed' },
    ]);

    // Answering again changes the score, not the ticket.
    const again = await recordConceptProgress({ deps, userId: ada.sub, ticketId, score: 1, at });
    expect(again.ticketClosed).toBe(false);
    expect(await testDb.db.ticketChange.count({ where: { ticketId } })).toBe(3);
  });

  it('shows the learner the new standing and unlocks what the concept opens', async () => {
    const view = await getPath({ deps, viewer: ada, pathId: personal.id });
    const byName = new Map(view.concepts.map((concept) => [concept.concept, concept]));
    expect(byName.get('Recursion')).toMatchObject({ status: 'mastered', attempts: 3 });
    expect(byName.get('Base case')).toMatchObject({ status: 'not_started', locked: false });
  });

  it('keeps simultaneous answers by one learner as separate attempts', async () => {
    const ticketId = ticketOf(shared, 'stack frame');
    await Promise.all(
      [0.2, 0.3, 0.4, 0.5].map((score) =>
        recordConceptProgress({ deps, userId: ada.sub, ticketId, score }),
      ),
    );
    const row = await testDb.db.progress.findUniqueOrThrow({
      where: { cognitoUserId_ticketId: { cognitoUserId: ada.sub, ticketId } },
    });
    expect(row.attempts).toBe(4);
    expect(row.recentScores).toHaveLength(3);
  });

  it('refuses a ticket that is not a concept and a score outside 0-1, writing nothing', async () => {
    const defect = await testDb.db.ticket.create({ data: { type: 'defect', summary: 'bug' } });
    await expect(
      recordConceptProgress({ deps, userId: ada.sub, ticketId: defect.id, score: 1 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      recordConceptProgress({
        deps,
        userId: ada.sub,
        ticketId: ticketOf(shared, 'argument'),
        score: 1.5,
      }),
    ).rejects.toThrow();
    expect(await testDb.db.progress.count({ where: { ticketId: defect.id } })).toBe(0);
  });
});
