import { NextResponse } from 'next/server';
import { type DatabaseWatch, watchDatabase } from './database-watch';

// One watch per process, shared by every request the proxy sees.
const holder = globalThis as typeof globalThis & { learntracDatabaseWatch?: DatabaseWatch };

const RETRY_AFTER_SECONDS = '5';
const MESSAGE = 'LearnTrac cannot reach its database right now. Try again in a moment.';

/**
 * The answer for a request that needs the database while it is known to be down: 503 at once,
 * HTML for pages and the API error shape for /api/, so nothing waits on a query that cannot
 * succeed. Null when the database is up (or not watched: no DATABASE_URL). The health checks are
 * never turned away: /healthz says the process is up, /readyz reports the database itself.
 */
export function databaseUnavailableResponse(options: {
  pathname: string;
  requestId: string;
}): NextResponse | null {
  const { pathname, requestId } = options;
  if (pathname === '/healthz' || pathname === '/readyz') return null;
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) return null;
  holder.learntracDatabaseWatch ??= watchDatabase({
    databaseUrl,
    onChange: (down, reason) =>
      console.warn(
        JSON.stringify({
          level: down ? 'warn' : 'info',
          msg: down ? 'database unavailable; answering 503' : 'database available again',
          reason,
        }),
      ),
  });
  if (!holder.learntracDatabaseWatch.isDown()) return null;
  // The proxy adds the security headers and the request id, as to every response.
  const headers = { 'Cache-Control': 'no-store', 'Retry-After': RETRY_AFTER_SECONDS };
  if (pathname.startsWith('/api/')) {
    return NextResponse.json(
      { code: 'SERVICE_UNAVAILABLE', message: MESSAGE, requestId },
      { status: 503, headers },
    );
  }
  return new NextResponse(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unavailable - LearnTrac</title></head><body><h1>Temporarily unavailable</h1><p>${MESSAGE}</p></body></html>`,
    { status: 503, headers: { ...headers, 'Content-Type': 'text/html;charset=utf-8' } },
  );
}
