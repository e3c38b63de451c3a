import type pg from 'pg';
import { type DatabaseWatch, watchDatabase } from './database-watch';

// One watch per process, shared by every request the front door sees; the report pool is the one
// core/db opens for report pages (the front door and the pages share the process, not a bundle).
const holder = globalThis as typeof globalThis & {
  learntracDatabaseWatch?: DatabaseWatch;
  learntracReportPool?: pg.Pool;
};

const RETRY_AFTER_SECONDS = '5';

/** A request turned away before any page sees it; the front door writes it out. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
  /** Answer with a small HTML page rather than JSON (a page a person asked for). */
  html?: boolean;
}
const MESSAGE = 'LearnTrac cannot reach its database right now. Try again in a moment.';

/**
 * The answer for a request that needs the database while it is known to be down: 503 at once,
 * HTML for pages and the API error shape for /api/, so nothing waits on a query that cannot
 * succeed. Null when the database is up (or not watched: no DATABASE_URL). The health checks are
 * never turned away: /healthz says the process is up, /readyz reports the database itself.
 */
export function databaseUnavailableRefusal(options: { pathname: string }): Refusal | null {
  const { pathname } = options;
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
  return unavailable({ pathname, message: MESSAGE });
}

const REPORT_VIEW = /^\/report\/\d+(\/export)?\/?$/;
const REPORTS_BUSY =
  'Every report connection is busy running other reports, and others are waiting. Try again in a moment.';

/**
 * The answer for a report view while every report connection is taken and as many viewers
 * already wait for one: 503 at once rather than another wait that would end the same way.
 * Only report views queue on that pool, so no other page is ever turned away here.
 */
export function reportsBusyRefusal(options: {
  pathname: string;
  pool?: Pick<pg.Pool, 'waitingCount' | 'options'>;
}): Refusal | null {
  const { pathname } = options;
  const pool = options.pool ?? holder.learntracReportPool;
  if (!pool || !REPORT_VIEW.test(pathname)) return null;
  if (pool.waitingCount < (pool.options.max ?? 10)) return null;
  return unavailable({ pathname, message: REPORTS_BUSY });
}

function unavailable(options: { pathname: string; message: string }): Refusal {
  return {
    status: 503,
    code: 'SERVICE_UNAVAILABLE',
    message: options.message,
    headers: { 'Cache-Control': 'no-store', 'Retry-After': RETRY_AFTER_SECONDS },
    html: !options.pathname.startsWith('/api/'),
  };
}
