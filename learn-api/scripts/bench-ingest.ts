/**
 * How long one PDF takes from upload to `indexed` with the embedder the service would use,
 * and the process's memory on the way.
 *
 *   pnpm --filter @learntrac/learn-api bench:ingest [file.pdf]
 *
 * The default file is gnuplot's 311-page manual (`apt-get install gnuplot-doc`). Needs
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL): a PostgreSQL server where it may create and drop
 * a database of its own. The vectors go to the local store, or to Neo4j with NEO4J_URI set.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createPrismaClient } from '@learntrac/db';
import { createTestDatabase } from '@learntrac/db/testing';
import { pino } from 'pino';
import { createMemoryCache } from '../src/adapters/cache/memory-cache.js';
import { createEmbedder } from '../src/adapters/embedder/create-embedder.js';
import { createVectorStore } from '../src/adapters/vector-store/create-vector-store.js';
import { parseConfig } from '../src/config.js';
import { ingestDocument } from '../src/services/documents/ingest-document.js';
import { uploadDocument } from '../src/services/documents/upload-document.js';

const file = process.argv[2] ?? '/usr/share/doc/gnuplot-doc/gnuplot.pdf';
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

async function main() {
  if (!serverUrl)
    throw new Error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server');
  const bytes = new Uint8Array(await readFile(file));
  const logger = pino({ level: 'warn' });
  const database = await createTestDatabase({ serverUrl, migrate: true, prefix: 'bench_ingest' });
  const db = createPrismaClient(database.url);
  const config = parseConfig({
    COGNITO_ISSUER: 'http://127.0.0.1:1',
    COGNITO_CLIENT_IDS: 'bench',
    ...process.env,
    DATABASE_URL: database.url,
  });
  const embedder = await createEmbedder({ config, logger });
  const vectorStore = createVectorStore({ config, logger });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  try {
    const started = performance.now();
    const { document } = await uploadDocument({
      db,
      ingestQueue: { enqueue: async () => {}, work: async () => {}, stop: async () => {} },
      uploader: {
        sub: 'bench',
        username: 'bench',
        email: null,
        groups: ['instructors'],
        permissions: new Set(['LEARNING_INGEST']),
        clientId: 'bench',
      },
      file: { bytes, fileName: path.basename(file), contentType: 'application/pdf' },
    });
    await ingestDocument({
      db,
      embedder,
      vectorStore,
      cache: createMemoryCache(),
      logger,
      documentId: document.id,
      lastAttempt: true,
    });
    const seconds = (performance.now() - started) / 1000;
    const row = await db.document.findUniqueOrThrow({ where: { id: document.id } });
    if (row.status !== 'indexed') throw new Error(`ingestion ended ${row.status}: ${row.error}`);
    console.log(`file: ${file} (${megabytes(bytes.byteLength)}, ${row.pageCount} pages)`);
    console.log(`embedder: ${embedder.id}; vector store: ${vectorStore.kind}`);
    console.log(`chunks: ${row.chunksTotal}`);
    console.log(
      `upload to indexed: ${seconds.toFixed(1)} s (${((seconds * 1000) / row.chunksTotal).toFixed(1)} ms per chunk)`,
    );
    console.log(`peak RSS: ${megabytes(peakRss)}`);
  } finally {
    clearInterval(sampler);
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
