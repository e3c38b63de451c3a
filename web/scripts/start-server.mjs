// Starts the Next.js standalone server (server.js, beside this file once built) and drains it
// on SIGTERM or SIGINT: it stops accepting connections, lets requests in flight finish within
// a bound, closing their connections so keep-alive clients move on, then exits 0. Next's own
// signal handling waits without a bound and exits 143, which an orchestrator reads as a crash.
// `pnpm start`, the container image and dev/start all run this file.
import { subscribe } from 'node:diagnostics_channel';

// Longer than the load balancer's deregistration delay is pointless; shorter cuts slow requests off.
const drainTimeoutMs = 20_000;

// Pino's line shape (level 30 info, 50 error), as the rest of web logs.
function log(level, msg, fields = {}) {
  const line = { level, time: new Date().toISOString(), service: 'web', ...fields, msg };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

// Next creates its HTTP server inside server.js; every request names it, which is all draining
// needs (with no request yet there is nothing in flight to wait for).
const servers = new Set();
let stopping = false;
subscribe('http.server.request.start', ({ server, response }) => {
  servers.add(server);
  if (stopping) response.setHeader('connection', 'close');
  answerUnavailableDatabaseWith503(response);
});

// A page can only fail with 500 in Next.js. When it failed because the database stopped
// answering while it ran (the app notes the moment, see core/db/note-database-failure.ts), the
// fault was not the request's: answer 503 with Retry-After, as for requests turned away while the
// database is known to be down.
function answerUnavailableDatabaseWith503(response) {
  const startedAt = Date.now();
  const writeHead = response.writeHead;
  response.writeHead = function (statusCode, ...rest) {
    const failedAt = globalThis.learntracDatabaseFailedAt;
    if (statusCode !== 500 || failedAt === undefined || failedAt < startedAt) {
      return writeHead.call(this, statusCode, ...rest);
    }
    this.setHeader('Retry-After', '5');
    this.setHeader('Cache-Control', 'no-store');
    // An explicit status message would still say 500's.
    return writeHead.call(this, 503, ...(typeof rest[0] === 'string' ? rest.slice(1) : rest));
  };
}
// While draining, a connection closes once its response is sent, so keep-alive clients move on
// and the server can finish closing (responses begun before the signal may still say keep-alive).
subscribe('http.server.response.finish', ({ socket }) => {
  if (stopping) socket.end();
});

function drain(signal) {
  if (stopping) return;
  stopping = true;
  log(30, 'draining', { signal });
  setTimeout(() => {
    log(50, 'requests still running at drain timeout; exiting', { drainTimeoutMs });
    process.exit(1);
  }, drainTimeoutMs).unref();
  const closed = [...servers].map(
    (server) =>
      new Promise((done) => {
        // close() stops accepting and waits for in-flight requests; idle keep-alive sockets go now.
        server.close(() => done());
        server.closeIdleConnections();
      }),
  );
  Promise.all(closed).then(() => {
    log(30, 'stopped');
    process.exit(0);
  });
}

process.env.NEXT_MANUAL_SIG_HANDLE = 'true';
process.on('SIGTERM', () => drain('SIGTERM'));
process.on('SIGINT', () => drain('SIGINT'));
await import('./server.js');
