import { isDatabaseUnavailable } from '@learntrac/db';

// Read by src/server/web-server.ts, which answers a request that failed after this moment with
// 503 instead of 500: the database, not the request, was at fault, and trying again may work.
const holder = globalThis as typeof globalThis & { learntracDatabaseFailedAt?: number };

/** Notes a failure that means the database cannot be reached right now. */
export function noteDatabaseFailure(error: unknown): void {
  if (isDatabaseUnavailable(error)) holder.learntracDatabaseFailedAt = Date.now();
}
