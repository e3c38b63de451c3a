import type { Cache } from '../adapters/cache/cache.js';
import type { Database } from '../adapters/database/database.js';

export interface Readiness {
  ready: boolean;
  checks: { database: CheckResult; cache: CheckResult };
}

export interface CheckResult {
  ok: boolean;
  /** Why the check failed, for the logs; not for the public response. */
  error?: unknown;
}

async function runCheck(check: () => Promise<unknown>, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  } finally {
    clearTimeout(timer);
  }
}

/** Asks the database and the cache, in parallel, whether they answer. */
export async function checkReadiness({
  db,
  cache,
  timeoutMs = 2000,
}: {
  db: Database;
  cache: Cache;
  timeoutMs?: number;
}): Promise<Readiness> {
  const [database, cacheResult] = await Promise.all([
    runCheck(() => db.$queryRaw`SELECT 1`, timeoutMs),
    runCheck(() => cache.ping(), timeoutMs),
  ]);
  return { ready: database.ok && cacheResult.ok, checks: { database, cache: cacheResult } };
}
