import type { Logger } from 'pino';
import type { Cache } from '../../adapters/cache/cache.js';

const generationKey = 'search:generation';

/**
 * Cached search results are keyed by a generation that changes whenever material is added,
 * deleted or reindexed, so every process stops serving old results at once. With the cache
 * down there is no generation (null), and searches neither read nor write cached results.
 */
export async function readSearchGeneration(cache: Cache, logger: Logger): Promise<string | null> {
  try {
    return (await cache.get(generationKey)) ?? '0';
  } catch (error) {
    logger.warn({ err: error, cache: cache.kind }, 'cache unreachable; searching without it');
    return null;
  }
}

export async function bumpSearchGeneration(cache: Cache, logger: Logger): Promise<void> {
  try {
    // Any new value misses every old key; the cache interface has no atomic increment.
    await cache.set(generationKey, `${Date.now()}-${Math.random().toString(36).slice(2)}`);
  } catch (error) {
    // Material changes must not fail because the cache is down; old results expire within the hour.
    logger.warn(
      { err: error, cache: cache.kind },
      'cache unreachable; cached searches not cleared',
    );
  }
}
