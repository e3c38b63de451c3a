import { seedSite } from '@learntrac/db/seed';
import type { Cache } from '../adapters/cache/cache.js';
import { createMemoryCache } from '../adapters/cache/memory-cache.js';
import { createTokenVerifier } from '../adapters/cognito/verify-access-token.js';
import type { Embedder } from '../adapters/embedder/embedder.js';
import { createOnnxEmbedder } from '../adapters/embedder/onnx-embedder.js';
import { createIngestQueue, type IngestQueue } from '../adapters/jobs/ingest-queue.js';
import { createNeo4jVectorStore } from '../adapters/vector-store/neo4j-vector-store.js';
import { createPostgresVectorStore } from '../adapters/vector-store/postgres-vector-store.js';
import type { VectorStore } from '../adapters/vector-store/vector-store.js';
import { createApp } from '../app.js';
import { startIngestWorker } from '../services/documents/start-ingest-worker.js';
import { createCaptureLogger } from './capture-logger.js';
import { type JwksServer, startJwksServer } from './jwks-server.js';
import { openTestDatabase } from './test-database.js';

type Group = 'instructors' | 'learners' | 'admins';

/**
 * The whole ingestion path with real parts: a migrated and seeded PostgreSQL database, the
 * job queue on it with a worker running, the configured embedder and a vector store.
 */
export async function startIngestStack({
  modelDir,
  uploadMaxBytes = 50 * 1024 * 1024,
  store = 'postgres',
  neo4jUri,
  cache = createMemoryCache(),
}: {
  /** The local embedding model's folder (see findTestEmbeddingModel). */
  modelDir: string;
  uploadMaxBytes?: number;
  store?: 'postgres' | 'neo4j';
  neo4jUri?: string;
  cache?: Cache;
}) {
  const jwks: JwksServer = await startJwksServer();
  const testDb = await openTestDatabase();
  const { db } = testDb;
  await seedSite({ db });
  const capture = createCaptureLogger();
  const logger = capture.logger;
  const embedder: Embedder = await createOnnxEmbedder({ modelDir });
  const vectorStore: VectorStore =
    store === 'neo4j'
      ? createNeo4jVectorStore({ uri: neo4jUri!, logger })
      : createPostgresVectorStore({ db, logger });
  const ingestQueue: IngestQueue = createIngestQueue({
    databaseUrl: testDb.database.url,
    logger,
  });
  const deps = {
    logger,
    db,
    cache,
    embedder,
    vectorStore,
    ingestQueue,
    uploadMaxBytes,
    verifyAccessToken: createTokenVerifier({ issuer: jwks.issuer, clientIds: [jwks.clientId] }),
    corsOrigins: [],
  };
  const app = createApp(deps);
  await startIngestWorker(deps);

  const tokens = new Map<Group, string>();
  async function token(group: Group) {
    let value = tokens.get(group);
    if (!value) {
      value = await jwks.signToken({ claims: { 'cognito:groups': [group], username: `${group}-user` } });
      tokens.set(group, value);
    }
    return value;
  }

  async function request({
    as,
    path,
    method = 'GET',
    body,
  }: {
    as: Group;
    path: string;
    method?: string;
    body?: unknown;
  }) {
    return app.request(`/api/learntrac${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await token(as)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  async function rawUpload({
    as,
    headers = {},
    body,
  }: {
    as: Group;
    headers?: Record<string, string>;
    body: BodyInit;
  }) {
    return app.request('/api/learntrac/documents', {
      method: 'POST',
      headers: { authorization: `Bearer ${await token(as)}`, ...headers },
      body,
      // Needed by undici for a streamed body.
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
  }

  return {
    app,
    deps,
    db,
    embedder,
    vectorStore,
    logs: capture,
    request,
    rawUpload,
    upload({
      as,
      name,
      type,
      content,
      title,
    }: {
      as: Group;
      name: string;
      type: string;
      content: string | Uint8Array;
      title?: string;
    }) {
      const form = new FormData();
      form.set('file', new File([content], name, { type }));
      if (title) form.set('title', title);
      return rawUpload({ as, body: form });
    },
    search({ as, body }: { as: Group; body: unknown }) {
      return request({ as, path: '/search', method: 'POST', body });
    },
    /** Polls the document until its job is done, as a client showing progress would. */
    async waitUntilSettled(id: string, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const res = await request({ as: 'instructors', path: `/documents/${id}` });
        const document = await res.json();
        if (document.status === 'indexed' || document.status === 'failed') return document;
        if (Date.now() > deadline) throw new Error(`document ${id} still ${document.status}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      await ingestQueue.stop();
      await vectorStore.close();
      await embedder.close();
      await testDb.close();
      await jwks.close();
    },
  };
}
export type IngestStack = Awaited<ReturnType<typeof startIngestStack>>;
