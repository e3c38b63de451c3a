import { Redis } from 'ioredis';

/** A Redis connection for per-session state, opened on first use. */
export interface SessionRedis {
  /** The connection, connected (or the command's own error while Redis is down). */
  ready(): Promise<Redis>;
  close(): Promise<void>;
}

/**
 * Commands fail fast while Redis is down (no offline queue, one retry, 2 s timeouts) rather than
 * hold every page request up behind it; callers decide what an unanswered lookup means.
 */
export function openSessionRedis(options: { url: string; keyPrefix: string }): SessionRedis {
  const redis = new Redis(options.url, {
    keyPrefix: options.keyPrefix,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 2000,
  });
  redis.on('error', () => {});
  let connecting: Promise<void> | null = null;
  return {
    async ready() {
      if (redis.status === 'wait' || redis.status === 'end') {
        connecting ??= redis.connect().finally(() => {
          connecting = null;
        });
      }
      if (connecting) await connecting;
      return redis;
    },
    async close() {
      if (redis.status === 'wait' || redis.status === 'end') return;
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** Redis expiries are whole seconds, at least one. */
export const expirySeconds = (ttlSeconds: number) => Math.max(1, Math.ceil(ttlSeconds));
