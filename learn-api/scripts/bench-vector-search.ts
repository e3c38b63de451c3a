/**
 * Fills each configured vector store with clustered 384-dimension chunks and prints search
 * latency at concurrency 4 and this process's memory.
 *
 *   BENCH_DATABASE_URL=postgres://user:pw@host:5432/postgres  a fresh database is made on it
 *   BENCH_NEO4J_URI=bolt://host:7687 (BENCH_NEO4J_USERNAME/BENCH_NEO4J_PASSWORD if needed)
 *   BENCH_CHUNKS=100000  BENCH_SEARCHES=400
 *
 * Everything the benchmark writes is removed at the end. Run with --expose-gc for steadier
 * memory figures (the pnpm script does).
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@learntrac/db/testing';
import neo4j from 'neo4j-driver';
import pg from 'pg';
import {
  createNeo4jVectorStore,
  neo4jNames,
} from '../src/adapters/vector-store/neo4j-vector-store.js';
import { createPostgresVectorStore } from '../src/adapters/vector-store/postgres-vector-store.js';
import type { IndexedDocument, VectorStore } from '../src/adapters/vector-store/vector-store.js';

const dimension = 384;
const chunkCount = Number(process.env.BENCH_CHUNKS ?? 100_000);
const searchCount = Number(process.env.BENCH_SEARCHES ?? 400);
const chunksPerDocument = 500;
const clusterCount = 1_000;
const concurrency = 4;
const limit = 10;
const embedder = 'bench-clustered-384';

/** A small seeded generator, so every run measures the same data. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const random = seededRandom(42);
const centers = Array.from({ length: clusterCount }, () =>
  Float32Array.from({ length: dimension }, () => random() * 2 - 1),
);

/** A unit vector near a cluster centre: chunks about one topic resemble each other. */
function nearCenter(cluster: number, spread: number): Float32Array {
  const center = centers[cluster]!;
  const vector = new Float32Array(dimension);
  let norm = 0;
  for (let d = 0; d < dimension; d++) {
    vector[d] = center[d]! + (random() * 2 - 1) * spread;
    norm += vector[d]! * vector[d]!;
  }
  norm = Math.sqrt(norm);
  for (let d = 0; d < dimension; d++) vector[d]! /= norm;
  return vector;
}

/** Documents made one at a time, so the benchmark never holds all vectors itself. */
function* documents(): Generator<IndexedDocument> {
  const documentCount = Math.ceil(chunkCount / chunksPerDocument);
  for (let index = 0; index < documentCount; index++) {
    const topics = Array.from({ length: 8 }, () => Math.floor(random() * clusterCount));
    const size = Math.min(chunksPerDocument, chunkCount - index * chunksPerDocument);
    const id = crypto.randomUUID();
    yield {
      id,
      title: `Benchmark material ${index}`,
      embedder,
      dimension,
      chunks: Array.from({ length: size }, (_, ordinal) => ({
        id: crypto.randomUUID(),
        ordinal,
        headingPath: [
          `Chapter ${Math.floor(ordinal / 100) + 1}`,
          `Section ${Math.floor(ordinal / 20) + 1}`,
        ],
        pageStart: null,
        pageEnd: null,
        keyTerms: [`topic ${topics[ordinal % topics.length]}`],
        vector: nearCenter(topics[ordinal % topics.length]!, 0.9),
      })),
    };
  }
}

const queries = Array.from({ length: 200 }, () =>
  nearCenter(Math.floor(random() * clusterCount), 1.2),
);

async function measure(run: (query: Float32Array) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < searchCount) {
        const query = queries[next++ % queries.length]!;
        const started = performance.now();
        await run(query);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms`;
}

function memory() {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMb: Math.round(rss / 2 ** 20), heapMb: Math.round(heapUsed / 2 ** 20) };
}

async function reportSearches(name: string, store: VectorStore, someDocuments: string[]) {
  const search = (vector: Float32Array, documentIds?: string[]) =>
    store.search({ vector, embedder, limit, documentIds });
  await measure((q) => search(q)); // warm up caches and compiled code
  let sequential = 0;
  for (const query of queries.slice(0, 50)) {
    const started = performance.now();
    await search(query);
    sequential += performance.now() - started;
  }
  console.log(`${name}: one search at a time: mean ${(sequential / 50).toFixed(1)} ms`);
  console.log(
    `${name}: search over ${chunkCount} chunks, limit ${limit}, concurrency ${concurrency}: ${await measure((q) => search(q))}`,
  );
  console.log(
    `${name}: search within 3 documents: ${await measure((q) => search(q, someDocuments))}`,
  );
}

async function benchPostgres(serverUrl: string) {
  const database = await createTestDatabase({ serverUrl, migrate: true, prefix: 'bench_vectors' });
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  try {
    const started = performance.now();
    const ids: string[] = [];
    for (const document of documents()) {
      ids.push(document.id);
      // One statement per document: the vectors travel as array literals.
      await pool.query(
        `WITH d AS (
           INSERT INTO learning.documents (id, title, content_hash, cognito_user_id, status, embedder, dimension)
           VALUES ($1::uuid, $2, $1, 'bench', 'indexed', $3, $4) RETURNING id)
         INSERT INTO learning.chunks (id, document_id, ordinal, text, token_count, embedding, embedder, dimension)
         SELECT c.id, d.id, c.ordinal, '', 0, c.embedding::real[], $3, $4
         FROM d, unnest($5::uuid[], $6::int[], $7::text[]) AS c(id, ordinal, embedding)`,
        [
          document.id,
          document.title,
          embedder,
          dimension,
          document.chunks.map((c) => c.id),
          document.chunks.map((c) => c.ordinal),
          document.chunks.map((c) => `{${c.vector.join(',')}}`),
        ],
      );
    }
    console.log(`postgres: wrote ${chunkCount} chunks in ${seconds(started)} s`);
    // Searched from a fresh process, so its memory is what a server holding the store would use.
    const child = fork(fileURLToPath(import.meta.url), [], {
      execArgv: process.execArgv,
      env: {
        ...process.env,
        BENCH_SEARCH_DATABASE_URL: database.url,
        BENCH_FILTER_IDS: ids.slice(0, 3).join(','),
      },
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`the search process exited with ${code}`);
  } finally {
    await pool.end();
    await database.drop();
  }
}

async function searchPostgres(databaseUrl: string, someDocuments: string[]) {
  const before = memory();
  const store = createPostgresVectorStore({ databaseUrl });
  const started = performance.now();
  await store.describe();
  const after = memory();
  console.log(
    `postgres: loaded the in-process index in ${seconds(started)} s; process RSS ${before.rssMb} MB ` +
      `before, ${after.rssMb} MB after (heap ${after.heapMb} MB)`,
  );
  await reportSearches('postgres', store, someDocuments);
  const idle = memory();
  console.log(`postgres: process RSS after searching ${idle.rssMb} MB (heap ${idle.heapMb} MB)`);
  await store.close();
}

async function benchNeo4j(uri: string) {
  const username = process.env.BENCH_NEO4J_USERNAME;
  const password = process.env.BENCH_NEO4J_PASSWORD;
  const auth = username && password ? { username, password } : undefined;
  const namespace = `Bench${randomBytes(4).toString('hex')}_`;
  const store = createNeo4jVectorStore({ uri, auth, namespace, retryTimeoutMs: 60_000 });
  const driver = neo4j.driver(
    uri,
    auth ? neo4j.auth.basic(auth.username, auth.password) : undefined,
  );
  try {
    const started = performance.now();
    const ids: string[] = [];
    for (const document of documents()) {
      ids.push(document.id);
      await store.upsertDocument(document);
      if (ids.length % 20 === 0) {
        console.log(`neo4j: ${ids.length * chunksPerDocument} chunks written`);
      }
    }
    console.log(
      `neo4j: wrote ${chunkCount} chunks in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await reportSearches('neo4j', store, ids.slice(0, 3));
    console.log(`neo4j: benchmark process RSS ${memory().rssMb} MB (the vectors live in Neo4j)`);
  } finally {
    await store.close();
    await removeNeo4jNamespace(driver, namespace);
    await driver.close();
  }
}

async function removeNeo4jNamespace(driver: neo4j.Driver, namespace: string) {
  const names = neo4jNames(namespace);
  for (const kind of ['CONSTRAINTS', 'INDEXES'] as const) {
    const { records } = await driver.executeQuery(
      `SHOW ${kind} YIELD name WHERE name STARTS WITH $prefix RETURN name`,
      { prefix: namespace },
    );
    for (const record of records) {
      await driver.executeQuery(
        `DROP ${kind === 'CONSTRAINTS' ? 'CONSTRAINT' : 'INDEX'} ${record.get('name')}`,
      );
    }
  }
  const session = driver.session();
  try {
    for (const label of [
      names.chunk,
      names.section,
      names.document,
      names.concept,
      names.indexInfo,
    ]) {
      await session.run(
        `MATCH (n:${label}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`,
      );
    }
  } finally {
    await session.close();
  }
}

function seconds(since: number) {
  return ((performance.now() - since) / 1000).toFixed(1);
}

const searchDatabaseUrl = process.env.BENCH_SEARCH_DATABASE_URL;
if (searchDatabaseUrl) {
  await searchPostgres(searchDatabaseUrl, (process.env.BENCH_FILTER_IDS ?? '').split(','));
  process.exit(0);
}
const postgresUrl = process.env.BENCH_DATABASE_URL;
const neo4jUri = process.env.BENCH_NEO4J_URI;
if (!postgresUrl && !neo4jUri) {
  console.error(
    'Set BENCH_DATABASE_URL (a PostgreSQL server) and/or BENCH_NEO4J_URI (a Neo4j server)',
  );
  process.exit(2);
}
if (postgresUrl) await benchPostgres(postgresUrl);
if (neo4jUri) await benchNeo4j(neo4jUri);
