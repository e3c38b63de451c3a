import type { MiddlewareHandler } from 'hono';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AppEnv } from '../app-env.js';
import { ApiError } from '../errors/api-error.js';

/** Counts uses per key in fixed windows and says whether one more is within the limit. */
export interface RateLimiter {
  readonly kind: 'memory' | 'redis';
  hit(key: string): Promise<RateDecision>;
  close(): Promise<void>;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window resets and uses are counted afresh. */
  retryAfterSeconds: number;
}

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

/** Per process: each learn-api process counts on its own. */
export function createMemoryRateLimiter({
  limit,
  windowSeconds,
  now = Date.now,
}: RateLimit & { now?: () => number }): RateLimiter {
  const windows = new Map<string, { count: number; resetsAt: number }>();
  let nextSweep = 0;

  return {
    kind: 'memory',
    async hit(key) {
      const at = now();
      if (at >= nextSweep) {
        for (const [stale, window] of windows) if (window.resetsAt <= at) windows.delete(stale);
        nextSweep = at + windowSeconds * 1000;
      }
      let window = windows.get(key);
      if (!window || window.resetsAt <= at) {
        window = { count: 0, resetsAt: at + windowSeconds * 1000 };
        windows.set(key, window);
      }
      window.count += 1;
      return {
        allowed: window.count <= limit,
        retryAfterSeconds: Math.max(1, Math.ceil((window.resetsAt - at) / 1000)),
      };
    },
    async close() {
      windows.clear();
    },
  };
}

// Counts and starts the window's expiry in one step, so no key is left without one.
const countInWindow = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

export interface CreateRedisRateLimiterInput extends RateLimit {
  url: string;
  logger: Logger;
  keyPrefix?: string;
}

/**
 * Shared by every process through Redis. While Redis cannot be reached, requests are still
 * served and counted per process, with a warning logged when that starts.
 */
export function createRedisRateLimiter({
  url,
  limit,
  windowSeconds,
  logger,
  keyPrefix = 'learn-api:rate:',
}: CreateRedisRateLimiterInput): RateLimiter {
  const redis = new Redis(url, {
    keyPrefix,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1000,
    commandTimeout: 1000,
  });
  // Failures surface through the commands; without a listener ioredis would print them.
  redis.on('error', () => {});
  const fallback = createMemoryRateLimiter({ limit, windowSeconds });
  let connecting: Promise<void> | null = null;
  let degraded = false;

  async function ready(): Promise<Redis> {
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
    async hit(key) {
      try {
        const client = await ready();
        const [count, ttlMs] = (await client.eval(countInWindow, 1, key, windowSeconds * 1000)) as [
          number,
          number,
        ];
        if (degraded) {
          degraded = false;
          logger.info('Redis answers again: rate limits are shared across processes again');
        }
        return {
          allowed: count <= limit,
          retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)),
        };
      } catch (error) {
        if (!degraded) {
          degraded = true;
          logger.warn(
            { err: error },
            'Redis cannot be reached: rate limits hold per process until it is back',
          );
        }
        return fallback.hit(key);
      }
    },
    async close() {
      await fallback.close();
      if (redis.status === 'wait' || redis.status === 'end') return;
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** Redis when REDIS_URL is configured, otherwise per process. */
export function createRateLimiter({
  redisUrl,
  logger,
  ...limits
}: RateLimit & { redisUrl: string | undefined; logger: Logger }): RateLimiter {
  return redisUrl
    ? createRedisRateLimiter({ url: redisUrl, logger, ...limits })
    : createMemoryRateLimiter(limits);
}

/** Counts one use of the language model by the user, or refuses with 429 and Retry-After. */
export async function takeLlmAllowance({
  limiter,
  userId,
}: {
  limiter: RateLimiter;
  userId: string;
}): Promise<void> {
  const decision = await limiter.hit(`llm:${userId}`);
  if (decision.allowed) return;
  throw new ApiError(
    'RATE_LIMITED',
    `Too many requests that use the language model: try again in ${decision.retryAfterSeconds} s`,
    { headers: { 'Retry-After': String(decision.retryAfterSeconds) } },
  );
}

/** For routes that always use the language model; runs after the caller is signed in. */
export const limitLlmUse: MiddlewareHandler<AppEnv> = async (c, next) => {
  await takeLlmAllowance({ limiter: c.get('deps').llmRateLimiter, userId: c.get('user').sub });
  await next();
};
