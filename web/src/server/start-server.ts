/**
 * The web server's entry, in production (bundled beside Next's standalone output as
 * start-server.mjs: `pnpm start`, the container image, dev/start) and in development
 * (`pnpm dev`). It owns the HTTP server, sends each request through the front door to Next.js,
 * runs WEB_WORKERS processes that share the port, and drains on SIGTERM or SIGINT: no new
 * connections, requests in flight finish within a bound, then exit 0 (Next's own handling
 * waits without a bound and exits 143, which an orchestrator reads as a crash).
 */
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { serverActionBodyLimit } from '@/core/security/server-action-body-limit';
import { createFrontDoor, formTargetsOf, type PassOn } from './front-door';
import { createWebServer, logLine } from './web-server';

interface NextHandlers {
  requestHandler: PassOn;
  upgradeHandler: (...args: unknown[]) => unknown;
}

const development = process.argv.includes('--dev');
// Production: this file sits in .next/standalone/web beside the build; development: in src/server.
const dir = development
  ? path.resolve(import.meta.dirname, '../..')
  : path.dirname(new URL(import.meta.url).pathname);
const port = Number(process.env.PORT) || 8000;
const hostname = process.env.HOSTNAME || '0.0.0.0';
const workers = development ? 1 : readWorkers(process.env.WEB_WORKERS);

function readWorkers(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  const count = Number(raw);
  if (Number.isInteger(count) && count >= 1) return count;
  logLine(50, 'WEB_WORKERS must be a whole number of processes, at least 1', { WEB_WORKERS: raw });
  process.exit(1);
}

/** The configuration `next build` wrote (production only: development reads next.config). */
function readBuildConfig(): { env?: Record<string, string> } | undefined {
  if (development) return undefined;
  const required = JSON.parse(
    readFileSync(path.join(dir, '.next/required-server-files.json'), 'utf8'),
  ) as { config: { env?: Record<string, string> } };
  return required.config;
}

/** Next's request handlers, loaded the way its standalone server.js loads them. */
async function loadNext(
  server: import('node:http').Server,
  buildConfig: object | undefined,
): Promise<NextHandlers> {
  const require = createRequire(path.join(dir, 'package.json'));
  Object.assign(process.env, { NODE_ENV: development ? 'development' : 'production' });
  // What `next dev` tells the server it starts.
  if (development) Object.assign(process.env, { TURBOPACK: '1', __NEXT_DEV_SERVER: '1' });
  if (buildConfig) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(buildConfig);
  process.chdir(dir);
  require('next');
  const { getRequestHandlers } = require('next/dist/server/lib/start-server') as {
    getRequestHandlers(options: Record<string, unknown>): Promise<NextHandlers>;
  };
  process.env.__NEXT_PRIVATE_ORIGIN = `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`;
  return getRequestHandlers({
    dir,
    port,
    hostname,
    isDev: development,
    server,
    keepAliveTimeout: server.keepAliveTimeout,
  });
}

async function serve() {
  const buildConfig = readBuildConfig();
  let handlers: NextHandlers | undefined;
  const web = createWebServer({
    frontDoor: createFrontDoor({
      learnApiUrl: process.env.LEARN_API_URL || undefined,
      // The limit Next fixed for server actions when the app was built.
      formBodyLimit:
        Number(buildConfig?.env?.SERVER_ACTION_BODY_LIMIT) || serverActionBodyLimit(process.env),
      formTargets: formTargetsOf(process.env),
      development,
    }),
    handle: (request, response) => handlers?.requestHandler(request, response),
  });
  // Behind a load balancer, idle connections must outlive the balancer's own.
  const keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT);
  if (keepAliveTimeout > 0) web.server.keepAliveTimeout = keepAliveTimeout;
  web.server.on('upgrade', (request, socket, head) =>
    handlers?.upgradeHandler(request, socket, head),
  );
  handlers = await loadNext(web.server, buildConfig);
  await new Promise<void>((listening) => web.server.listen(port, hostname, listening));
  logLine(30, 'listening', { port, hostname });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logLine(30, 'draining', { signal });
    void web.drain().then((finished) => {
      if (!finished) {
        logLine(50, 'requests still running at drain timeout; exiting');
        process.exit(1);
      }
      logLine(30, 'stopped');
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** Several processes share the port (one per CPU the host gives web); each drains on its own. */
function superviseWorkers() {
  let stopping = false;
  const start = () => cluster.fork();
  for (let i = 0; i < workers; i += 1) start();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    logLine(50, 'a worker stopped; starting another', { worker: worker.process.pid, code, signal });
    start();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logLine(30, 'draining', { signal, workers });
    // The signal itself, so each worker runs its own bounded drain (cluster's kill() would first
    // wait, without a bound, for the worker to close its connections).
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (workers > 1 && cluster.isPrimary) superviseWorkers();
else await serve();
