import type { Cache } from './cache.js';

interface Entry {
  value: string;
  expiresAt: number | null;
}

/** The local default: one process, nothing shared, gone on restart. */
export function createMemoryCache({ now = Date.now }: { now?: () => number } = {}): Cache {
  const entries = new Map<string, Entry>();

  return {
    kind: 'memory',
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expiresAt !== null && entry.expiresAt <= now()) {
        entries.delete(key);
        return null;
      }
      return entry.value;
    },
    async set(key, value, options) {
      const ttl = options?.ttlSeconds;
      entries.set(key, { value, expiresAt: ttl === undefined ? null : now() + ttl * 1000 });
    },
    async delete(key) {
      entries.delete(key);
    },
    async ping() {},
    async close() {
      entries.clear();
    },
  };
}
