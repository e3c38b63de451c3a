/**
 * Latency of hybrid material search (embed the query, nearest vectors, full-text rank, fuse,
 * load the hits) over 100,000 chunks at concurrency 4, as `POST /search` runs it, uncached.
 *
 *   pnpm --filter @learntrac/learn-api bench:search [--chunks 100000] [--store postgres|neo4j]
 *
 * The chunks are the Python tutorial's (Debian's python3.11-doc) ingested once, then copied
 * into as many documents as it takes. Needs BENCH_DATABASE_URL (or TEST_DATABASE_URL); the
 * Neo4j store also needs BENCH_NEO4J_URI (or TEST_NEO4J_URI).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPrismaClient } from '@learntrac/db';
import { createTestDatabase } from '@learntrac/db/testing';
import { pino } from 'pino';
import { createMemoryCache } from '../src/adapters/cache/memory-cache.js';
import { createEmbedder } from '../src/adapters/embedder/create-embedder.js';
import { createNeo4jVectorStore } from '../src/adapters/vector-store/neo4j-vector-store.js';
import { createPostgresVectorStore } from '../src/adapters/vector-store/postgres-vector-store.js';
import type { VectorStore } from '../src/adapters/vector-store/vector-store.js';
import type { AuthUser } from '../src/auth/user.js';
import { parseConfig } from '../src/config.js';
import { ingestDocument } from '../src/services/documents/ingest-document.js';
import { uploadDocument } from '../src/services/documents/upload-document.js';
import {
  rankByMeaning,
  rankByWords,
  searchMaterial,
} from '../src/services/search/search-material.js';

const { values: args } = parseArgs({
  options: {
    chunks: { type: 'string', default: '100000' },
    store: { type: 'string', default: 'postgres' },
    concurrency: { type: 'string', default: '4' },
  },
});
const targetChunks = Number(args.chunks);
const concurrency = Number(args.concurrency);
const tutorialDir = process.env.TUTORIAL_DIR ?? '/usr/share/doc/python3.11/html/tutorial';
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const neo4jUri = process.env.BENCH_NEO4J_URI ?? process.env.TEST_NEO4J_URI;

const instructor: AuthUser = {
  sub: 'bench',
  username: 'bench',
  email: null,
  groups: ['instructors'],
  permissions: new Set(['LEARNING_VIEW', 'LEARNING_INGEST', 'LEARNING_MANAGE']),
  clientId: 'bench',
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  if (!serverUrl) throw new Error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL)');
  if (args.store === 'neo4j' && !neo4jUri)
    throw new Error('Set BENCH_NEO4J_URI (or TEST_NEO4J_URI)');
  const logger = pino({ level: 'warn' });
  const database = await createTestDatabase({ serverUrl, migrate: true, prefix: 'bench_search' });
  const db = createPrismaClient(database.url, { maxConnections: 8 });
  const config = parseConfig({
    COGNITO_ISSUER: 'http://127.0.0.1:1',
    COGNITO_CLIENT_IDS: 'bench',
    ...process.env,
    DATABASE_URL: database.url,
  });
  const embedder = await createEmbedder({ config, logger });
  const namespace = `Bench${Date.now()}`;
  const vectorStore: VectorStore =
    args.store === 'neo4j'
      ? createNeo4jVectorStore({ uri: neo4jUri!, namespace, logger })
      : createPostgresVectorStore({ databaseUrl: database.url, logger });
  const cache = createMemoryCache();
  try {
    const seedIds: string[] = [];
    for (const file of (await readdir(tutorialDir)).filter((f) => f.endsWith('.html'))) {
      const bytes = new Uint8Array(await readFile(path.join(tutorialDir, file)));
      const { document } = await uploadDocument({
        db,
        ingestQueue: { enqueue: async () => {}, work: async () => {}, stop: async () => {} },
        uploader: instructor,
        file: { bytes, fileName: file, contentType: 'text/html' },
      });
      await ingestDocument({
        db,
        embedder,
        vectorStore,
        cache,
        logger,
        documentId: document.id,
        lastAttempt: true,
      });
      seedIds.push(document.id);
    }
    const seedChunks = await db.chunk.count();
    const copies = Math.max(0, Math.ceil(targetChunks / seedChunks) - 1);
    const started = performance.now();
    // Copies of the tutorial, each its own indexed document, made inside PostgreSQL.
    await db.$executeRaw`
      WITH copies AS (
        INSERT INTO learning.documents (id, title, source, mime_type, content_hash, cognito_user_id, status, embedder, dimension, published, chunks_total, chunks_done)
        SELECT gen_random_uuid(), d.title || ' (copy ' || n || ')', d.source, d.mime_type, d.content_hash || '-' || n,
               d.cognito_user_id, 'indexed', d.embedder, d.dimension, true, d.chunks_total, d.chunks_total
        FROM learning.documents d CROSS JOIN generate_series(1, ${copies}::int) n
        RETURNING id, content_hash
      )
      INSERT INTO learning.chunks (id, document_id, ordinal, text, token_count, heading_path, page_start, page_end, key_terms, embedding, embedder, dimension)
      SELECT gen_random_uuid(), copies.id, c.ordinal, c.text, c.token_count, c.heading_path, c.page_start, c.page_end, c.key_terms, c.embedding, c.embedder, c.dimension
      FROM copies
      JOIN learning.documents original ON copies.content_hash LIKE original.content_hash || '-%'
      JOIN learning.chunks c ON c.document_id = original.id`;
    const total = await db.chunk.count();
    if (vectorStore.kind === 'neo4j') {
      const documents = await db.document.findMany({
        where: { id: { notIn: seedIds } },
        select: { id: true, title: true },
      });
      for (const document of documents) {
        const chunks = await db.chunk.findMany({ where: { documentId: document.id } });
        await vectorStore.upsertDocument({
          id: document.id,
          title: document.title,
          embedder: embedder.id,
          dimension: embedder.dimension,
          chunks: chunks.map((c) => ({
            id: c.id,
            ordinal: c.ordinal,
            headingPath: c.headingPath,
            pageStart: c.pageStart,
            pageEnd: c.pageEnd,
            keyTerms: c.keyTerms,
            vector: Float32Array.from(c.embedding),
          })),
        });
      }
    }
    console.log(
      `corpus: ${total} chunks in ${copies + 1} copies of the Python tutorial, filled in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );

    const questions = (
      JSON.parse(
        await readFile(new URL('./bench-retrieval/questions.json', import.meta.url), 'utf8'),
      ) as { question: string }[]
    ).map((q) => q.question);
    const deps = { db, embedder, vectorStore, cache, logger };
    // The first search loads the store's index; a user meets that once per process, not per query.
    await searchMaterial({ deps, viewer: instructor, input: { query: 'warm up', limit: 10 } });
    // Each (question, limit) pair is asked once, so no answer comes from the cache.
    const work = [7, 8, 9, 10].flatMap((limit) => questions.map((query) => ({ query, limit })));
    const latencies: number[] = [];
    let next = 0;
    const runStarted = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < work.length) {
          const input = work[next++]!;
          const t = performance.now();
          await searchMaterial({ deps, viewer: instructor, input });
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - runStarted) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(
      `store: ${vectorStore.kind}; embedder: ${embedder.id}; concurrency ${concurrency}; ${latencies.length} searches in ${seconds.toFixed(1)} s`,
    );
    console.log(
      `p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
    );
    // Each side alone, one query at a time, to show where the time goes.
    for (const [name, run] of [
      [
        'meaning (embed + vector store)',
        (query: string) => rankByMeaning(deps, { query, limit: 40 }),
      ],
      [
        'words (full text)',
        (query: string) => rankByWords(db, { query, limit: 40, seesAll: true }),
      ],
    ] as const) {
      const times: number[] = [];
      for (const query of questions.slice(0, 30)) {
        const t = performance.now();
        await run(query);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(
        `  ${name}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`,
      );
    }
    console.log(`RSS: ${Math.round(process.memoryUsage().rss / (1024 * 1024))} MB`);
  } finally {
    if (vectorStore.kind === 'neo4j') {
      for (const document of await db.document.findMany({ select: { id: true } })) {
        await vectorStore.deleteDocument(document.id).catch(() => {});
      }
    }
    await vectorStore.close();
    await embedder.close();
    await db.$disconnect();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
