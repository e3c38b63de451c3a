import type { Cache } from './cache.js';
import { createMemoryCache } from './memory-cache.js';
import { createRedisCache } from './redis-cache.js';

/** Redis when REDIS_URL is configured, otherwise the in-process cache. */
export function createCache({ redisUrl }: { redisUrl: string | undefined }): Cache {
  return redisUrl ? createRedisCache({ url: redisUrl }) : createMemoryCache();
}
