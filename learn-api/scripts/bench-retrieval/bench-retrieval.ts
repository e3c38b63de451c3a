/**
 * Retrieval quality over real course material: the Python tutorial that Debian's
 * python3.11-doc package ships, with hand-written questions each naming the section that
 * answers it. Prints recall@5 and MRR for vector-only, full-text-only and hybrid search.
 *
 *   pnpm --filter @learntrac/learn-api bench:retrieval
 *
 * Needs BENCH_DATABASE_URL (or TEST_DATABASE_URL): a PostgreSQL server where it may create
 * and drop a database of its own. TUTORIAL_DIR overrides where the tutorial is read from.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createPrismaClient } from '@learntrac/db';
import { createTestDatabase } from '@learntrac/db/testing';
import { pino } from 'pino';
import { createMemoryCache } from '../../src/adapters/cache/memory-cache.js';
import { createEmbedder } from '../../src/adapters/embedder/create-embedder.js';
import { createPostgresVectorStore } from '../../src/adapters/vector-store/postgres-vector-store.js';
import type { AuthUser } from '../../src/auth/user.js';
import { parseConfig } from '../../src/config.js';
import { ingestDocument } from '../../src/services/documents/ingest-document.js';
import { uploadDocument } from '../../src/services/documents/upload-document.js';
import {
  fuseMaterialRankings,
  rankByMeaning,
  rankByWords,
} from '../../src/services/search/search-material.js';

interface Question {
  question: string;
  document: string;
  section: string;
}

const tutorialDir = process.env.TUTORIAL_DIR ?? '/usr/share/doc/python3.11/html/tutorial';
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const cutoff = 5;

function normalise(title: string): string {
  return title
    .toLowerCase()
    .replace(/^[\d.]+\s*/, '')
    .replace(/[“”"]/g, '')
    .trim();
}

async function main() {
  if (!serverUrl)
    throw new Error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server');
  const questions = JSON.parse(
    await readFile(new URL('./questions.json', import.meta.url), 'utf8'),
  ) as Question[];
  const logger = pino({ level: 'warn' });
  const database = await createTestDatabase({
    serverUrl,
    migrate: true,
    prefix: 'bench_retrieval',
  });
  const db = createPrismaClient(database.url);
  const cache = createMemoryCache();
  // The embedder the service would choose from the same environment (the local model by default).
  const config = parseConfig({
    COGNITO_ISSUER: 'http://127.0.0.1:1',
    COGNITO_CLIENT_IDS: 'bench',
    ...process.env,
    DATABASE_URL: database.url,
  });
  const embedder = await createEmbedder({ config, logger });
  const vectorStore = createPostgresVectorStore({ databaseUrl: database.url, logger });
  const instructor: AuthUser = {
    sub: 'bench',
    username: 'bench',
    email: null,
    groups: ['instructors'],
    permissions: new Set(['LEARNING_VIEW', 'LEARNING_INGEST', 'LEARNING_MANAGE']),
    clientId: 'bench',
  };
  try {
    const files = (await readdir(tutorialDir)).filter(
      (f) => f.endsWith('.html') && f !== 'index.html',
    );
    const started = performance.now();
    const sourceOf = new Map<string, string>();
    for (const file of files) {
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
      sourceOf.set(document.id, file);
    }
    const chunkCount = await db.chunk.count();
    console.log(
      `corpus: ${files.length} pages of the Python tutorial, ${chunkCount} chunks, ingested in ${((performance.now() - started) / 1000).toFixed(1)} s with ${embedder.id}`,
    );

    const chunks = await db.chunk.findMany({
      select: { id: true, documentId: true, headingPath: true },
    });
    const chunkById = new Map(chunks.map((c) => [c.id, c]));
    const answers = (q: Question, chunkId: string) => {
      const chunk = chunkById.get(chunkId);
      if (!chunk || sourceOf.get(chunk.documentId) !== q.document) return false;
      const wanted = normalise(q.section);
      return chunk.headingPath.some((heading) => normalise(heading).includes(wanted));
    };

    const modes = ['vector only', 'full text only', 'hybrid'] as const;
    const totals = Object.fromEntries(modes.map((m) => [m, { recall: 0, rr: 0 }]));
    const deps = { db, embedder, vectorStore, cache, logger };
    const missed: string[] = [];
    for (const q of questions) {
      const [byMeaning, byWords] = await Promise.all([
        rankByMeaning(deps, { query: q.question, limit: 40 }),
        rankByWords(db, { query: q.question, limit: 40, seesAll: true }),
      ]);
      const rankings: Record<(typeof modes)[number], string[]> = {
        'vector only': byMeaning ?? [],
        'full text only': byWords,
        hybrid: fuseMaterialRankings({ byMeaning, byWords }).map((hit) => hit.id),
      };
      for (const mode of modes) {
        const position = rankings[mode].findIndex((id) => answers(q, id));
        if (position >= 0 && position < cutoff) totals[mode]!.recall += 1;
        if (position >= 0) totals[mode]!.rr += 1 / (position + 1);
        if (mode === 'hybrid' && (position < 0 || position >= cutoff)) missed.push(q.question);
      }
    }
    console.log(`\n${questions.length} questions, recall@${cutoff} and MRR:\n`);
    console.log('| search | recall@5 | MRR |');
    console.log('|---|---|---|');
    for (const mode of modes) {
      const t = totals[mode]!;
      console.log(
        `| ${mode} | ${(t.recall / questions.length).toFixed(3)} | ${(t.rr / questions.length).toFixed(3)} |`,
      );
    }
    if (missed.length > 0) {
      console.log(`\nhybrid missed (not in the top ${cutoff}):`);
      for (const q of missed) console.log(`  - ${q}`);
    }
  } finally {
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
