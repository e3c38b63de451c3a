import { createPrismaClient } from '@learntrac/db';
import type { Cache } from '../adapters/cache/cache.js';
import { createMemoryCache } from '../adapters/cache/memory-cache.js';
import { createTokenVerifier } from '../adapters/cognito/verify-access-token.js';
import type { Database } from '../adapters/database/database.js';
import { createLexicalEmbedder } from '../adapters/embedder/lexical-embedder.js';
import type { Llm } from '../adapters/llm/llm.js';
import { createLocalLlm } from '../adapters/llm/local-llm.js';
import { createApp } from '../app.js';
import { createMemoryRateLimiter, type RateLimiter } from '../middleware/rate-limit.js';
import { createCaptureLogger } from './capture-logger.js';
import type { JwksServer } from './jwks-server.js';

/** Nothing listens on port 1: a real client whose queries fail to connect. */
export const unreachableDatabaseUrl = 'postgres://learntrac@127.0.0.1:1/learntrac';

export interface BuildTestAppInput {
  jwks: JwksServer;
  db?: Database;
  cache?: Cache;
  corsOrigins?: string[];
  /** Defaults to the local writer over the word-matching embedder. */
  llm?: Llm;
  llmRateLimiter?: RateLimiter;
}

/** The real app with real parts; the database defaults to one that is never reached. */
export function buildTestApp({
  jwks,
  db,
  cache,
  corsOrigins = ['http://localhost:8000'],
  llm = createLocalLlm({ embedder: createLexicalEmbedder() }),
  llmRateLimiter = createMemoryRateLimiter({ limit: 1_000, windowSeconds: 60 }),
}: BuildTestAppInput) {
  const capture = createCaptureLogger();
  const deps = {
    logger: capture.logger,
    db: db ?? createPrismaClient(unreachableDatabaseUrl),
    cache: cache ?? createMemoryCache(),
    verifyAccessToken: createTokenVerifier({
      issuer: jwks.issuer,
      clientIds: [jwks.clientId, 'learntrac-cli'],
    }),
    corsOrigins,
    llm,
    llmRateLimiter,
  };
  return { app: createApp(deps), deps, logs: capture };
}
