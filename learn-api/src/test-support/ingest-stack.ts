import type { Cache } from '../adapters/cache/cache.js';
import { createMemoryCache } from '../adapters/cache/memory-cache.js';
import { createOnnxEmbedder } from '../adapters/embedder/onnx-embedder.js';
import { createNeo4jVectorStore } from '../adapters/vector-store/neo4j-vector-store.js';
import { createPostgresVectorStore } from '../adapters/vector-store/postgres-vector-store.js';
import type { DocumentWithOutlineView } from '../services/documents/document-view.js';
import { startIngestWorker } from '../services/documents/start-ingest-worker.js';
import { buildTestApp } from './build-app.js';
import { type JwksServer, startJwksServer } from './jwks-server.js';
import { openTestDatabase } from './test-database.js';

type Group = 'instructors' | 'learners' | 'admins';

/** A named user, for tests where two people of one group must be told apart. */
export interface TestUser {
  sub: string;
  username: string;
  groups: Group[];
}

/** Who makes a request: anyone of a group, or a named user. */
export type Caller = Group | TestUser;

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
  const { app, deps, logs } = buildTestApp({
    jwks,
    db,
    databaseUrl: testDb.database.url,
    cache,
    embedder: await createOnnxEmbedder({ modelDir }),
    vectorStore:
      store === 'neo4j'
        ? createNeo4jVectorStore({ uri: neo4jUri!, namespace: `Test${Date.now()}` })
        : createPostgresVectorStore({ databaseUrl: testDb.database.url }),
    uploadMaxBytes,
  });
  const { embedder, vectorStore, ingestQueue } = deps;
  await startIngestWorker(deps);

  const tokens = new Map<string, string>();
  async function token(caller: Caller) {
    const key = typeof caller === 'string' ? caller : caller.sub;
    let value = tokens.get(key);
    if (!value) {
      value = await jwks.signToken({
        claims:
          typeof caller === 'string'
            ? { 'cognito:groups': [caller], username: `${caller}-user` }
            : { sub: caller.sub, username: caller.username, 'cognito:groups': caller.groups },
      });
      tokens.set(key, value);
    }
    return value;
  }

  async function request({
    as,
    path,
    method = 'GET',
    body,
  }: {
    as: Caller;
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
    as: Caller;
    headers?: Record<string, string>;
    body: RequestInit['body'];
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
    logs,
    request,
    rawUpload,
    upload({
      as,
      name,
      type,
      content,
      title,
    }: {
      as: Caller;
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
    search({ as, body }: { as: Caller; body: unknown }) {
      return request({ as, path: '/search', method: 'POST', body });
    },
    /** Polls the document until its job is done, as a client showing progress would. */
    async waitUntilSettled(id: string, timeoutMs = 60_000): Promise<DocumentWithOutlineView> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const res = await request({ as: 'instructors', path: `/documents/${id}` });
        const document = (await res.json()) as DocumentWithOutlineView;
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
