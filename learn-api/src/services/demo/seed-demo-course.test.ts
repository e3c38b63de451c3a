import { readFile } from 'node:fs/promises';
import { seedDemo } from '@learntrac/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryCache } from '../../adapters/cache/memory-cache.js';
import { createLexicalEmbedder } from '../../adapters/embedder/lexical-embedder.js';
import { createLocalLlm } from '../../adapters/llm/local-llm.js';
import { createPostgresVectorStore } from '../../adapters/vector-store/postgres-vector-store.js';
import { loadAuthUser } from '../../auth/load-auth-user.js';
import { createCaptureLogger } from '../../test-support/capture-logger.js';
import { databaseServerUrl, openTestDatabase } from '../../test-support/test-database.js';
import { createPath } from '../paths/create-path.js';
import { isDemoCourseSeeded } from './demo-course-state.js';
import { type SeedDemoCourseDeps, seedDemoCourse } from './seed-demo-course.js';

const course = {
  markdown: await readFile(
    new URL('../../../demo-course/graph-algorithms.md', import.meta.url),
    'utf8',
  ),
  fileName: 'graph-algorithms.md',
};

describe.skipIf(!databaseServerUrl)('seeding the demo course', () => {
  let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
  let deps: SeedDemoCourseDeps;

  beforeAll(async () => {
    testDb = await openTestDatabase();
    const { logger } = createCaptureLogger();
    const embedder = createLexicalEmbedder();
    deps = {
      db: testDb.db,
      cache: createMemoryCache(),
      logger,
      embedder,
      vectorStore: createPostgresVectorStore({ databaseUrl: testDb.database.url, logger }),
      llm: createLocalLlm({ embedder }),
    };
  });
  afterAll(async () => {
    await deps?.vectorStore.close();
    await testDb?.close();
  });

  it('does nothing on a database without the demo path', async () => {
    expect(await seedDemoCourse({ deps, course })).toEqual({
      ready: false,
      reason: 'the database holds no demo path',
    });
    expect(await testDb.db.document.count()).toBe(0);
    expect(await isDemoCourseSeeded(testDb.db)).toBe(false);
  });

  it('ingests and publishes the course, ties every demo concept to its section and gives each approved questions', async () => {
    const { db } = testDb;
    await seedDemo({ db });
    const result = await seedDemoCourse({ deps, course });
    if (!result.ready) throw new Error(result.reason);

    const document = await db.document.findUniqueOrThrow({ where: { id: result.documentId } });
    expect(document).toMatchObject({
      title: 'Introduction to Graph Algorithms',
      status: 'indexed',
      published: true,
    });
    const path = await db.path.findUniqueOrThrow({
      where: { id: result.pathId },
      include: { concepts: { include: { ticket: true, chunk: true } } },
    });
    expect(path).toMatchObject({ kind: 'shared', status: 'published' });
    expect(path.concepts).toHaveLength(6);
    for (const concept of path.concepts) {
      expect(concept.chunk?.documentId).toBe(document.id);
      expect(concept.chunk?.headingPath.at(-1)).toBe(concept.ticket.summary);
      expect(concept.context).toMatchObject({ documentId: document.id });
      const approved = await db.question.count({
        where: { ticketId: concept.ticketId, reviewStatus: 'approved' },
      });
      expect(approved, concept.ticket.summary ?? '').toBeGreaterThan(0);
    }
    expect(await db.question.count({ where: { reviewStatus: { not: 'approved' } } })).toBe(0);
    expect(await isDemoCourseSeeded(db)).toBe(true);

    // A new learner can build a personal path from it straight away.
    const learner = await loadAuthUser({
      db,
      identity: {
        sub: '5f0c7a2e-0000-4000-8000-000000000001',
        username: 'newcomer',
        email: null,
        groups: ['learners'],
        clientId: 'test',
      },
    });
    const personal = await createPath({
      deps,
      author: learner,
      input: { kind: 'personal', title: 'Shortest paths', query: 'shortest paths with weights' },
    });
    expect(personal.concepts.length).toBeGreaterThan(0);
  });

  it('changes nothing when run again', async () => {
    const { db } = testDb;
    const counts = async () => ({
      documents: await db.document.count(),
      chunks: await db.chunk.count(),
      questions: await db.question.count(),
    });
    const before = await counts();
    const again = await seedDemoCourse({ deps, course });
    expect(again).toMatchObject({ ready: true });
    expect(await counts()).toEqual(before);
  });
});
