import { Redis } from 'ioredis';
import type { Cache } from './cache.js';

export interface CreateRedisCacheInput {
  url: string;
  /** Prefix for every key, so services sharing one Redis keep apart. */
  keyPrefix?: string;
}

export function createRedisCache({ url, keyPrefix = 'learn-api:' }: CreateRedisCacheInput): Cache {
  // Fail commands fast while Redis is down instead of queueing them, so a request (and
  // /readyz) reports the outage rather than hanging.
  const redis = new Redis(url, {
    keyPrefix,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
  });
  let connecting: Promise<void> | null = null;
  // Errors surface through the commands that fail; without a listener ioredis would log them.
  redis.on('error', () => {});

  async function ready(): Promise<Redis> {
    if (redis.status === 'ready') return redis;
    if (redis.status === 'wait' || redis.status === 'end') {
      connecting ??= redis.connect().finally(() => {
        connecting = null;
      });
    }
    if (connecting) await connecting;
    return redis;
  }

  return {
    kind: 'redis',
    async get(key) {
      return (await ready()).get(key);
    },
    async set(key, value, options) {
      const client = await ready();
      if (options?.ttlSeconds === undefined) await client.set(key, value);
      else await client.set(key, value, 'EX', options.ttlSeconds);
    },
    async delete(key) {
      await (await ready()).del(key);
    },
    async ping() {
      await (await ready()).ping();
    },
    async close() {
      if (redis.status === 'wait' || redis.status === 'end') return;
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
