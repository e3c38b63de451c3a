import { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createPrismaClient } from '@learntrac/db';
import { pino, stdTimeFunctions } from 'pino';
import { createCache } from './adapters/cache/create-cache.js';
import { createTokenVerifier } from './adapters/cognito/verify-access-token.js';
import { createEmbedder } from './adapters/embedder/create-embedder.js';
import { createIngestQueue } from './adapters/jobs/ingest-queue.js';
import { createLlm } from './adapters/llm/create-llm.js';
import { createVectorStore } from './adapters/vector-store/create-vector-store.js';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createRateLimiter } from './middleware/rate-limit.js';
import { startIngestWorker } from './services/documents/start-ingest-worker.js';

// Longer than the ALB's deregistration delay is pointless; shorter cuts slow requests off.
const drainTimeoutMs = 20_000;
// A database or cache that stopped answering must not hold the exit up.
const closeTimeoutMs = 3_000;
// Longer than the load balancer's idle timeout (60 s).
const keepAliveTimeoutMs = 65_000;

function withTimeout(work: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  const config = await loadConfig({ env: process.env });
  const logger = pino({
    level: config.logLevel,
    base: { service: 'learn-api' },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: ['req.headers.authorization', 'headers.authorization', 'authorization', 'token'],
  });
  const db = createPrismaClient(config.databaseUrl);
  const cache = createCache({ redisUrl: config.redisUrl });
  const verifyAccessToken = createTokenVerifier({
    issuer: config.cognitoIssuer,
    clientIds: config.cognitoClientIds,
  });
  const embedder = await createEmbedder({ config, logger });
  const vectorStore = createVectorStore({ config, logger });
  const ingestQueue = createIngestQueue({ databaseUrl: config.databaseUrl, logger });
  const llm = createLlm({ config, embedder, logger });
  const llmRateLimiter = createRateLimiter({
    redisUrl: config.redisUrl,
    logger,
    ...config.llmRateLimit,
  });
  const deps = {
    logger,
    db,
    cache,
    verifyAccessToken,
    corsOrigins: config.corsOrigins,
    embedder,
    vectorStore,
    ingestQueue,
    uploadMaxBytes: config.uploadMaxBytes,
    llm,
    llmRateLimiter,
  };
  const app = createApp(deps);

  const server = serve({ fetch: app.fetch, port: config.port }, (info: AddressInfo) => {
    logger.info(
      { port: info.port, cache: cache.kind, embedder: embedder.id, vectorStore: vectorStore.kind },
      'learn-api listening',
    );
  });
  // Ingestion runs beside the API in every process; the queue hands each job to one of them.
  startIngestWorker(deps).catch((error: unknown) => {
    logger.error({ err: error }, 'the ingest worker did not start; uploads stay queued');
  });

  // An idle keep-alive connection must outlive the callers' (the ALB keeps them 60 s, web's
  // proxy reuses them too): a server that closes first races the next request on that socket,
  // which then fails with a reset.
  if (server instanceof HttpServer) {
    server.keepAliveTimeout = keepAliveTimeoutMs;
    server.headersTimeout = keepAliveTimeoutMs + 1_000;
  }

  let stopping = false;
  // While draining, every response closes its connection so keep-alive clients move on.
  server.on('request', (_req, res) => {
    if (stopping) res.setHeader('connection', 'close');
  });
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'draining');
    const forced = setTimeout(() => {
      logger.error({ drainTimeoutMs }, 'requests still running at drain timeout; exiting');
      process.exit(1);
    }, drainTimeoutMs);
    forced.unref();
    // close() stops accepting and waits for in-flight requests; idle keep-alive sockets go now.
    server.close(async (error) => {
      // A running ingest job is left to finish or to be retried by another process.
      await withTimeout(ingestQueue.stop(), closeTimeoutMs).catch(() => {});
      await Promise.allSettled([
        withTimeout(db.$disconnect(), closeTimeoutMs),
        withTimeout(cache.close(), closeTimeoutMs),
        withTimeout(vectorStore.close(), closeTimeoutMs),
        withTimeout(llmRateLimiter.close(), closeTimeoutMs),
        withTimeout(embedder.close(), closeTimeoutMs),
      ]);
      logger.info('stopped');
      process.exit(error ? 1 : 0);
    });
    // Requests that were running when the drain began leave their connections idle when they
    // finish; close those as they come, rather than wait out the long keep-alive.
    if ('closeIdleConnections' in server) {
      server.closeIdleConnections();
      setInterval(() => server.closeIdleConnections(), 200).unref();
    }
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  // Start-up failures go to stderr as one JSON line, the same shape the logs have.
  const message =
    error instanceof ConfigError ? error.message : `learn-api failed to start: ${String(error)}`;
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: 'learn-api', msg: message })}\n`,
  );
  process.exit(1);
});
