import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testServerUrl } from '../../test-support/test-env.js';
import type { Cache } from './cache.js';
import { createRedisCache } from './redis-cache.js';

const redisUrl = testServerUrl('TEST_REDIS_URL');

describe.skipIf(!redisUrl)('Redis cache', () => {
  const opened: Cache[] = [];
  const open = (keyPrefix = `test:${randomUUID()}:`) => {
    const cache = createRedisCache({ url: redisUrl!, keyPrefix });
    opened.push(cache);
    return cache;
  };
  afterAll(async () => {
    await Promise.all(opened.map((cache) => cache.close()));
  });

  it('returns what was stored until it is deleted', async () => {
    const cache = open();
    await cache.set('path:1', '{"title":"Graphs"}');
    expect(await cache.get('path:1')).toBe('{"title":"Graphs"}');
    await cache.delete('path:1');
    expect(await cache.get('path:1')).toBeNull();
  });

  it('lets Redis expire a value after its time to live', async () => {
    const cache = open();
    await cache.set('short', 'v', { ttlSeconds: 1 });
    expect(await cache.get('short')).toBe('v');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await cache.get('short')).toBeNull();
  });

  it('keeps services with different key prefixes apart', async () => {
    const a = open();
    const b = open();
    await a.set('same-key', 'from a');
    expect(await b.get('same-key')).toBeNull();
  });

  it('answers a ping when Redis is up and rejects when nothing listens', async () => {
    await expect(open().ping()).resolves.toBeUndefined();
    const down = createRedisCache({ url: 'redis://127.0.0.1:1' });
    opened.push(down);
    await expect(down.ping()).rejects.toThrow();
  });
});
