import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Cache } from '../../adapters/cache/cache.js';

export interface CacheDeps {
  cache: Cache;
  logger: Logger;
}

// Bounds how long an edit made outside learn-api (in the tracker) takes to show here.
const valueTtlSeconds = 5 * 60;
const versionTtlSeconds = 24 * 60 * 60;

/** The cache scope of one path's graph: its concepts, prerequisites and settings. */
export const pathGraphScope = (pathId: string) => `paths:graph:${pathId}`;
/** The cache scope of one learner's progress on every concept. */
export const learnerProgressScope = (userId: string) => `paths:progress:${userId}`;

/**
 * Values are cached under a version token that every write replaces. A reader that loaded
 * before a write stores its result under the old token, which no reader after the write asks
 * for, so a read that follows a write never sees what was there before it.
 */
export async function readThrough<T>(
  deps: CacheDeps,
  scope: string,
  load: () => Promise<T>,
): Promise<T> {
  const version = await currentVersion(deps, scope);
  if (version !== null) {
    const cached = await tryCache(deps, () => deps.cache.get(`${scope}:${version}`));
    if (cached) return JSON.parse(cached) as T;
  }
  const value = await load();
  if (version !== null) {
    await tryCache(deps, () =>
      deps.cache.set(`${scope}:${version}`, JSON.stringify(value), { ttlSeconds: valueTtlSeconds }),
    );
  }
  return value;
}

/** Call after a write commits: readers of these scopes load afresh from then on. */
export async function invalidateScopes(deps: CacheDeps, scopes: readonly string[]): Promise<void> {
  await Promise.all(
    scopes.map((scope) =>
      tryCache(deps, () =>
        deps.cache.set(`${scope}:version`, randomUUID(), { ttlSeconds: versionTtlSeconds }),
      ),
    ),
  );
}

async function currentVersion(deps: CacheDeps, scope: string): Promise<string | null> {
  const key = `${scope}:version`;
  const found = await tryCache(deps, () => deps.cache.get(key));
  if (found === undefined) return null;
  if (found !== null) return found;
  // Set before loading: a write that lands meanwhile replaces it, and this reader's result
  // then sits under a token nobody reads.
  const fresh = randomUUID();
  const stored = await tryCache(deps, () =>
    deps.cache.set(key, fresh, { ttlSeconds: versionTtlSeconds }),
  );
  return stored === undefined ? null : fresh;
}

/** The cache is an accelerator: when it fails, the request goes on from the database. */
async function tryCache<T>(deps: CacheDeps, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    deps.logger.warn(
      { err: error, cache: deps.cache.kind },
      'cache did not answer; using the database',
    );
    return undefined;
  }
}
