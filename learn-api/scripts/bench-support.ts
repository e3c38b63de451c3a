import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createPrismaClient } from '@learntrac/db';
import { createTestDatabase } from '@learntrac/db/testing';
import { pino } from 'pino';
import { createMemoryCache } from '../src/adapters/cache/memory-cache.js';
import { createEmbedder } from '../src/adapters/embedder/create-embedder.js';
import type { IngestQueue } from '../src/adapters/jobs/ingest-queue.js';
import { createVectorStore } from '../src/adapters/vector-store/create-vector-store.js';
import type { VectorStore } from '../src/adapters/vector-store/vector-store.js';
import type { AuthUser } from '../src/auth/user.js';
import { parseConfig } from '../src/config.js';
import { ingestDocument } from '../src/services/documents/ingest-document.js';
import { uploadDocument } from '../src/services/documents/upload-document.js';

export const tutorialDir = process.env.TUTORIAL_DIR ?? '/usr/share/doc/python3.11/html/tutorial';

export const benchInstructor: AuthUser = {
  sub: 'bench',
  username: 'bench',
  email: null,
  groups: ['instructors'],
  permissions: new Set(['LEARNING_VIEW', 'LEARNING_INGEST', 'LEARNING_MANAGE']),
  clientId: 'bench',
};

// Benchmarks run each ingest job themselves, in line, to time it.
const jobsRunInLine: IngestQueue = {
  enqueue: async () => {},
  work: async () => {},
  stop: async () => {},
};

/**
 * A database of the benchmark's own on BENCH_DATABASE_URL (or TEST_DATABASE_URL), with the
 * embedder and vector store the service would choose from the same environment.
 */
export async function openBenchStack({
  prefix,
  vectorStore: makeStore,
}: {
  prefix: string;
  vectorStore?: (databaseUrl: string) => VectorStore;
}) {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl)
    throw new Error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server');
  const logger = pino({ level: 'warn' });
  const database = await createTestDatabase({ serverUrl, migrate: true, prefix });
  const db = createPrismaClient(database.url, { maxConnections: 8 });
  const config = parseConfig({
    COGNITO_ISSUER: 'http://127.0.0.1:1',
    COGNITO_CLIENT_IDS: 'bench',
    ...process.env,
    DATABASE_URL: database.url,
  });
  const embedder = await createEmbedder({ config, logger });
  const vectorStore = makeStore ? makeStore(database.url) : createVectorStore({ config, logger });
  const cache = createMemoryCache();
  const deps = { db, embedder, vectorStore, cache, logger };

  async function ingestFile(file: { bytes: Uint8Array; fileName: string; contentType: string }) {
    const { document } = await uploadDocument({
      db,
      ingestQueue: jobsRunInLine,
      uploader: benchInstructor,
      file,
    });
    await ingestDocument({ ...deps, documentId: document.id, lastAttempt: true });
    return db.document.findUniqueOrThrow({ where: { id: document.id } });
  }

  /** Every chapter of the Python tutorial, one document each; returns file name by id. */
  async function ingestTutorial(): Promise<Map<string, string>> {
    const sourceOf = new Map<string, string>();
    const files = (await readdir(tutorialDir)).filter(
      (f) => f.endsWith('.html') && f !== 'index.html',
    );
    for (const fileName of files) {
      const bytes = new Uint8Array(await readFile(path.join(tutorialDir, fileName)));
      const document = await ingestFile({ bytes, fileName, contentType: 'text/html' });
      sourceOf.set(document.id, fileName);
    }
    return sourceOf;
  }

  return {
    ...deps,
    ingestFile,
    ingestTutorial,
    async close() {
      await vectorStore.close();
      await embedder.close();
      await db.$disconnect();
      await database.drop();
    },
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
