/**
 * Prints how long building a 20-concept path takes with the local parts (the in-process
 * embedding model, or its word-matching fallback when the model is missing), and how fast
 * `GET /paths/{id}/next` answers a learner who has 500 concepts, through the whole app.
 * Uses a scratch database on TEST_DATABASE_URL (dropped afterwards) and Redis on
 * TEST_REDIS_URL when set, else the in-process cache.
 * Usage: pnpm --filter @learntrac/learn-api bench:paths
 */
import { randomUUID } from 'node:crypto';
import { createPrismaClient } from '@learntrac/db';
import { seedSite } from '@learntrac/db/seed';
import { createTestDatabase } from '@learntrac/db/testing';
import { pino } from 'pino';
import type { Cache } from '../src/adapters/cache/cache.js';
import { createCache } from '../src/adapters/cache/create-cache.js';
import { createEmbedder } from '../src/adapters/embedder/create-embedder.js';
import { createPostgresVectorStore } from '../src/adapters/vector-store/postgres-vector-store.js';
import { loadAuthUser } from '../src/auth/load-auth-user.js';
import { defaultEmbeddingModelDir } from '../src/config.js';
import { createPath } from '../src/services/paths/create-path.js';
import { buildTestApp } from '../src/test-support/build-app.js';
import { insertMaterial, type MaterialChunk } from '../src/test-support/insert-material.js';
import { startJwksServer } from '../src/test-support/jwks-server.js';

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  console.error('Set TEST_DATABASE_URL (source dev/servers/env) to a PostgreSQL 15 server');
  process.exit(1);
}

const topics = [
  ['Arrays', 'index'],
  ['Linked lists', 'node'],
  ['Stacks', 'push'],
  ['Queues', 'enqueue'],
  ['Hash tables', 'hash function'],
  ['Trees', 'root'],
  ['Binary trees', 'leaf'],
  ['Binary search trees', 'in-order traversal'],
  ['Heaps', 'heap property'],
  ['Priority queues', 'priority'],
  ['Graphs', 'vertex'],
  ['Adjacency lists', 'neighbour'],
  ['Breadth-first search', 'frontier'],
  ['Depth-first search', 'backtracking'],
  ['Topological sort', 'dependency order'],
  ['Shortest paths', 'edge weight'],
  ['Union-find', 'disjoint set'],
  ['Minimum spanning trees', 'cut property'],
  ['Recursion', 'base case'],
  ['Merge sort', 'divide and conquer'],
  ['Quicksort', 'pivot'],
  ['Binary search', 'sorted order'],
  ['Dynamic programming', 'subproblem'],
  ['Greedy algorithms', 'exchange argument'],
  ['Amortised analysis', 'potential function'],
] as const;

/** A course text in sections: each one leans on the two before it and names its key term. */
function course(): MaterialChunk[] {
  return topics.map(([topic, term], i) => {
    const before = topics.slice(Math.max(0, i - 2), i).map(([name]) => name.toLowerCase());
    const leansOn = before.length ? ` It builds on ${before.join(' and ')}.` : '';
    return {
      headingPath: ['Data structures and algorithms', topic],
      text:
        `${topic} are a way to organise computation.${leansOn} ` +
        `The ${term} is what makes ${topic.toLowerCase()} work. ` +
        `Working through examples of ${topic.toLowerCase()} by hand shows how the ${term} behaves ` +
        'as the input grows, and which operations stay cheap.',
      keyTerms: [term],
      pageStart: i + 1,
    };
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

const logger = pino({ level: 'warn' });
const database = await createTestDatabase({ serverUrl, migrate: true, prefix: 'bench_paths' });
const db = createPrismaClient(database.url, { idleTimeoutMillis: 1_000 });
const cache: Cache = createCache({ redisUrl: process.env.TEST_REDIS_URL || undefined });
const embedder = await createEmbedder({
  config: {
    embeddingModelDir: process.env.EMBEDDING_MODEL_DIR || defaultEmbeddingModelDir,
    openaiApiKey: undefined,
    openaiBaseUrl: undefined,
    openaiEmbeddingModel: 'text-embedding-3-small',
    openaiEmbeddingDimensions: undefined,
  },
  logger,
});
const jwks = await startJwksServer();
const vectorStore = createPostgresVectorStore({ databaseUrl: database.url, logger });

try {
  await seedSite({ db });
  const identity = (username: string, group: string) => ({
    sub: randomUUID(),
    username,
    email: null,
    groups: [group],
    clientId: jwks.clientId,
  });
  const instructor = await loadAuthUser({ db, identity: identity('ines', 'instructors') });
  const deps = { db, cache, logger, embedder, vectorStore };

  // --- Building a 20-concept path from 25 sections of material.
  const { chunkIds } = await insertMaterial({ db, title: 'Data structures', chunks: course() });
  const build = () =>
    createPath({
      deps,
      author: instructor,
      input: { kind: 'shared', title: 'Data structures', chunkIds, maxConcepts: 20 },
    });
  await build();
  const buildTimes: number[] = [];
  let built = await build();
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    built = await build();
    buildTimes.push(performance.now() - started);
  }
  buildTimes.sort((a, b) => a - b);
  const edges = built.concepts.reduce((sum, concept) => sum + concept.prerequisites.length, 0);

  // --- A learner with 500 concepts on one path: half mastered, 100 reviews due.
  const learner = identity('ada', 'learners');
  const path = await db.path.create({
    data: { cognitoUserId: instructor.sub, kind: 'shared', title: 'Big', status: 'published' },
  });
  const ticketIds: number[] = [];
  for (let i = 0; i < 500; i++) {
    const ticket = await db.ticket.create({
      data: { type: 'concept', summary: `Concept ${i + 1}`, status: 'new' },
    });
    ticketIds.push(ticket.id);
  }
  await db.conceptMetadata.createMany({
    data: ticketIds.map((ticketId, i) => ({
      ticketId,
      pathId: path.id,
      concept: `Concept ${i + 1}`,
      sequenceOrder: i + 1,
    })),
  });
  // Each concept needs the one before it and one further back: edges only point back.
  await db.prerequisite.createMany({
    data: ticketIds.flatMap((ticketId, i) =>
      i === 0
        ? []
        : [...new Set([i - 1, Math.floor(i / 2)])].map((j) => ({
            ticketId,
            prerequisiteId: ticketIds[j]!,
          })),
    ),
  });
  await db.progress.createMany({
    data: ticketIds.map((ticketId, i) => ({
      cognitoUserId: learner.sub,
      ticketId,
      status: i < 250 ? 'mastered' : i < 350 ? 'in_progress' : 'not_started',
      score: i < 250 ? 0.9 : i < 350 ? 0.5 : 0,
      attempts: i < 350 ? 2 : 0,
    })),
  });
  await db.reviewCard.createMany({
    data: ticketIds.slice(0, 250).map((ticketId, i) => ({
      cognitoUserId: learner.sub,
      ticketId,
      due: new Date(Date.now() + (i < 100 ? -1 : 1) * 3_600_000),
    })),
  });

  const { app } = buildTestApp({ jwks, db, cache });
  const token = await jwks.signToken({
    claims: { sub: learner.sub, username: learner.username, 'cognito:groups': learner.groups },
    expiresIn: 3_600,
  });
  const next = async () => {
    const res = await app.request(`/api/learntrac/paths/${path.id}/next`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.status !== 200) throw new Error(`/next answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { ready: unknown[]; reviews: unknown[] };
  };
  const answer = await next();
  for (let i = 0; i < 30; i++) await next();
  const nextTimes: number[] = [];
  for (let i = 0; i < 300; i++) {
    const started = performance.now();
    await next();
    nextTimes.push(performance.now() - started);
  }
  nextTimes.sort((a, b) => a - b);

  console.log(
    `embedder      ${embedder.id}${embedder.degraded ? ' (degraded: word matching)' : ''}; cache ${cache.kind}`,
  );
  console.log(
    `path build    ${built.concepts.length} concepts, ${edges} prerequisites from ${chunkIds.length} chunks: ` +
      `median ${ms(percentile(buildTimes, 50))}, max ${ms(buildTimes.at(-1)!)} over ${buildTimes.length} builds (target < 3000 ms)`,
  );
  console.log(
    `/next         500 concepts, ${answer.ready.length} ready, ${answer.reviews.length} reviews due: ` +
      `p50 ${ms(percentile(nextTimes, 50))}, p95 ${ms(percentile(nextTimes, 95))}, ` +
      `p99 ${ms(percentile(nextTimes, 99))} over ${nextTimes.length} requests (target p95 < 30 ms)`,
  );
} finally {
  await jwks.close();
  await vectorStore.close();
  await embedder.close();
  await cache.close();
  await db.$disconnect();
  await database.drop();
}
