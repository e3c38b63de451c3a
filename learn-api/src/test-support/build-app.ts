import { createPrismaClient } from '@learntrac/db';
import type { Cache } from '../adapters/cache/cache.js';
import { createMemoryCache } from '../adapters/cache/memory-cache.js';
import { createTokenVerifier } from '../adapters/cognito/verify-access-token.js';
import type { Database } from '../adapters/database/database.js';
import type { Embedder } from '../adapters/embedder/embedder.js';
import { createLexicalEmbedder } from '../adapters/embedder/lexical-embedder.js';
import { createIngestQueue, type IngestQueue } from '../adapters/jobs/ingest-queue.js';
import type { Llm } from '../adapters/llm/llm.js';
import { createLocalLlm } from '../adapters/llm/local-llm.js';
import { createPostgresVectorStore } from '../adapters/vector-store/postgres-vector-store.js';
import type { VectorStore } from '../adapters/vector-store/vector-store.js';
import { createApp } from '../app.js';
import type { AppDeps } from '../app-env.js';
import { createMemoryRateLimiter, type RateLimiter } from '../middleware/rate-limit.js';
import { createCaptureLogger } from './capture-logger.js';
import type { JwksServer } from './jwks-server.js';

/** Nothing listens on port 1: a real client whose queries fail to connect. */
export const unreachableDatabaseUrl = 'postgres://learntrac@127.0.0.1:1/learntrac';

export interface BuildTestAppInput {
  /** The issuer whose access tokens the app accepts (the key server here, or a real issuer). */
  jwks: Pick<JwksServer, 'issuer' | 'clientId'>;
  db?: Database;
  /** The database `db` talks to, for the parts that open connections of their own. */
  databaseUrl?: string;
  cache?: Cache;
  corsOrigins?: string[];
  embedder?: Embedder;
  vectorStore?: VectorStore;
  ingestQueue?: IngestQueue;
  uploadMaxBytes?: number;
  /** Defaults to the local writer over the app's embedder. */
  llm?: Llm;
  llmRateLimiter?: RateLimiter;
}

/**
 * The real app with real parts; the database defaults to one that is never reached. Parts a
 * test does not name are the cheapest real ones: the word-based embedder, the PostgreSQL
 * vector store and the job queue on the same database (both connect only when used).
 */
export function buildTestApp({
  jwks,
  db,
  databaseUrl = unreachableDatabaseUrl,
  cache,
  corsOrigins = ['http://localhost:8000'],
  embedder = createLexicalEmbedder(),
  vectorStore,
  ingestQueue,
  uploadMaxBytes = 50 * 1024 * 1024,
  llm = createLocalLlm({ embedder }),
  llmRateLimiter = createMemoryRateLimiter({ limit: 1_000, windowSeconds: 60 }),
}: BuildTestAppInput) {
  const capture = createCaptureLogger();
  const deps: AppDeps = {
    logger: capture.logger,
    db: db ?? createPrismaClient(unreachableDatabaseUrl),
    cache: cache ?? createMemoryCache(),
    verifyAccessToken: createTokenVerifier({
      issuer: jwks.issuer,
      clientIds: [jwks.clientId, 'learntrac-cli'],
    }),
    corsOrigins,
    embedder,
    vectorStore: vectorStore ?? createPostgresVectorStore({ databaseUrl, logger: capture.logger }),
    ingestQueue: ingestQueue ?? createIngestQueue({ databaseUrl, logger: capture.logger }),
    uploadMaxBytes,
    llm,
    llmRateLimiter,
  };
  return { app: createApp(deps), deps, logs: capture };
}
