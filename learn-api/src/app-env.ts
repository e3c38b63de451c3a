import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Cache } from './adapters/cache/cache.js';
import type { VerifyAccessToken } from './adapters/cognito/verify-access-token.js';
import type { Database } from './adapters/database/database.js';
import type { Embedder } from './adapters/embedder/embedder.js';
import type { IngestQueue } from './adapters/jobs/ingest-queue.js';
import type { Llm } from './adapters/llm/llm.js';
import type { VectorStore } from './adapters/vector-store/vector-store.js';
import type { AuthUser } from './auth/user.js';
import type { RateLimiter } from './middleware/rate-limit.js';

/** Everything the app talks to, built once by server.ts (or by a test). */
export interface AppDeps {
  logger: Logger;
  db: Database;
  cache: Cache;
  verifyAccessToken: VerifyAccessToken;
  corsOrigins: readonly string[];
  llm: Llm;
  /** Per-user limit on requests that use the language model. */
  llmRateLimiter: RateLimiter;
  embedder: Embedder;
  vectorStore: VectorStore;
  ingestQueue: IngestQueue;
  /** The largest material upload, in bytes. */
  uploadMaxBytes: number;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    user: AuthUser;
  };
}

export type App = OpenAPIHono<AppEnv>;
