import { describe, expect, it } from 'vitest';
import { createMemoryCache } from './memory-cache.js';

describe('in-process cache', () => {
  it('returns what was stored until it is deleted', async () => {
    const cache = createMemoryCache();
    await cache.set('path:1', '{"title":"Graphs"}');
    expect(await cache.get('path:1')).toBe('{"title":"Graphs"}');
    await cache.delete('path:1');
    expect(await cache.get('path:1')).toBeNull();
  });

  it('forgets a value once its time to live has passed', async () => {
    let now = 1_000_000;
    const cache = createMemoryCache({ now: () => now });
    await cache.set('k', 'v', { ttlSeconds: 10 });
    now += 9_999;
    expect(await cache.get('k')).toBe('v');
    now += 1;
    expect(await cache.get('k')).toBeNull();
  });

  it('always answers a ping', async () => {
    await expect(createMemoryCache().ping()).resolves.toBeUndefined();
  });
});
