// Error codes of a PostgreSQL server that cannot serve right now: down, starting, shutting down,
// in recovery, or a connection that broke (PostgreSQL's class 08 and 57P0x; Node's socket codes;
// Prisma's "can't reach", "timed out" and "closed the connection").
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  'P1001',
  'P1002',
  'P1017',
]);
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|Can't reach database server|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery)|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/**
 * Whether `error` (from Prisma or node-postgres) means the database cannot be reached right now,
 * rather than that the request was wrong: such a request should be answered with 503 and may
 * succeed when tried again.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === 'object'; ) {
    if (seen.has(current)) break;
    seen.add(current);
    const { code, message, meta, cause } = current as {
      code?: unknown;
      message?: unknown;
      meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string } } };
      cause?: unknown;
    };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    const adapter = meta?.driverAdapterError?.cause;
    if (adapter?.kind && UNAVAILABLE_KINDS.has(adapter.kind)) return true;
    if (adapter?.kind === 'postgres' && adapter.code && UNAVAILABLE_CODES.has(adapter.code)) {
      return true;
    }
    current = cause;
  }
  return false;
}
