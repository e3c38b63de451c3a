import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { PassOn } from './front-door';

// Longer than the load balancer's deregistration delay is pointless; shorter cuts slow requests off.
const DRAIN_TIMEOUT_MS = 20_000;

/** Pino's line shape (level 30 info, 50 error), as the rest of web logs. */
export function logLine(level: 30 | 40 | 50, msg: string, fields: Record<string, unknown> = {}) {
  const line = {
    level,
    time: new Date().toISOString(),
    service: 'web',
    pid: process.pid,
    ...fields,
    msg,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/**
 * A page can only fail with 500 in Next.js. When it failed because the database stopped
 * answering while it ran (the app notes the moment, see core/db/note-database-failure.ts), the
 * fault was not the request's: answer 503 with Retry-After, as for requests turned away while the
 * database is known to be down.
 */
function answerUnavailableDatabaseWith503(response: ServerResponse): void {
  const startedAt = Date.now();
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    const failedAt = (globalThis as { learntracDatabaseFailedAt?: number })
      .learntracDatabaseFailedAt;
    if (statusCode !== 500 || failedAt === undefined || failedAt < startedAt) {
      return writeHead.call(this, statusCode, ...(rest as []));
    }
    this.setHeader('Retry-After', '5');
    this.setHeader('Cache-Control', 'no-store');
    // An explicit status message would still say 500's.
    return writeHead.call(
      this,
      503,
      ...((typeof rest[0] === 'string' ? rest.slice(1) : rest) as []),
    );
  } as ServerResponse['writeHead'];
}

/**
 * Node sends a response's head, its flushed chunks and its end in separate system calls (four
 * for a ticket page). Holding a connection's writes until the end of the current turn of the
 * event loop sends each burst in one (two for that page), and delays nothing by more than that
 * turn.
 */
function coalesceWrites(socket: Socket): void {
  let holding = false;
  const release = () => {
    holding = false;
    socket.uncork();
  };
  const write = socket.write;
  socket.write = function (this: Socket, ...args: Parameters<Socket['write']>) {
    if (!holding) {
      holding = true;
      this.cork();
      setImmediate(release);
    }
    return write.apply(this, args);
  } as Socket['write'];
}

export interface WebServer {
  server: Server;
  /**
   * Stops accepting connections and lets requests in flight finish within a bound, closing their
   * connections so keep-alive clients move on. Resolves true when all finished in time.
   */
  drain(): Promise<boolean>;
}

/**
 * The HTTP server web runs: each request goes through `frontDoor`, then to `handle` (Next.js).
 * A failure that escapes Next is a 500 with the error logged, never a dropped connection.
 */
export function createWebServer(options: {
  frontDoor: (request: IncomingMessage, response: ServerResponse, passOn: PassOn) => void;
  handle: PassOn;
}): WebServer {
  let stopping = false;
  const passOn: PassOn = (request, response) =>
    Promise.resolve()
      .then(() => options.handle(request, response))
      .catch((error: unknown) => {
        logLine(50, 'request failed outside the app', {
          url: request.url,
          err: error instanceof Error ? { message: error.message, stack: error.stack } : error,
        });
        if (!response.headersSent) {
          response.statusCode = 500;
          response.end('Internal Server Error');
        } else response.destroy();
      });
  const server = createServer((request, response) => {
    if (stopping) response.setHeader('connection', 'close');
    answerUnavailableDatabaseWith503(response);
    options.frontDoor(request, response, passOn);
  });
  server.on('connection', coalesceWrites);

  function drain(): Promise<boolean> {
    stopping = true;
    // A connection whose answer ends while draining closes, so its keep-alive client moves on.
    const closeAfterAnswer = ({ socket }: { socket: Socket }) => socket.end();
    subscribe('http.server.response.finish', closeAfterAnswer as (message: unknown) => void);
    return new Promise((done) => {
      const timer = setTimeout(() => done(false), DRAIN_TIMEOUT_MS);
      timer.unref();
      server.close(() => {
        clearTimeout(timer);
        unsubscribe('http.server.response.finish', closeAfterAnswer as (message: unknown) => void);
        done(true);
      });
      server.closeIdleConnections();
    });
  }
  return { server, drain };
}
