import { createPrismaClient } from '@learntrac/db';
import type { Cache } from '../adapters/cache/cache.js';
import { createMemoryCache } from '../adapters/cache/memory-cache.js';
import { createTokenVerifier } from '../adapters/cognito/verify-access-token.js';
import type { Database } from '../adapters/database/database.js';
import { createApp } from '../app.js';
import { createCaptureLogger } from './capture-logger.js';
import type { JwksServer } from './jwks-server.js';

/** Nothing listens on port 1: a real client whose queries fail to connect. */
export const unreachableDatabaseUrl = 'postgres://learntrac@127.0.0.1:1/learntrac';

export interface BuildTestAppInput {
  jwks: JwksServer;
  db?: Database;
  cache?: Cache;
  corsOrigins?: string[];
}

/** The real app with real parts; the database defaults to one that is never reached. */
export function buildTestApp({
  jwks,
  db,
  cache,
  corsOrigins = ['http://localhost:8000'],
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
  };
  return { app: createApp(deps), deps, logs: capture };
}
