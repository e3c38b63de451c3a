import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../errors/api-error.js';
import { createCaptureLogger } from '../test-support/capture-logger.js';
import { startTcpProxy } from '../test-support/tcp-proxy.js';
import { testServerUrl } from '../test-support/test-env.js';
import {
  createMemoryRateLimiter,
  createRedisRateLimiter,
  type RateLimiter,
  takeLlmAllowance,
} from './rate-limit.js';

const redisUrl = testServerUrl('TEST_REDIS_URL');

describe('per-process rate limit', () => {
  it('allows the limit within a window, refuses the next with the seconds until it resets', async () => {
    let now = 1_000_000;
    const limiter = createMemoryRateLimiter({ limit: 2, windowSeconds: 60, now: () => now });
    expect((await limiter.hit('ada')).allowed).toBe(true);
    expect((await limiter.hit('ada')).allowed).toBe(true);
    now += 15_000;
    expect(await limiter.hit('ada')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect((await limiter.hit('grace')).allowed).toBe(true);
    now += 45_000;
    expect((await limiter.hit('ada')).allowed).toBe(true);
  });

  it('refuses with a 429 error carrying Retry-After once the user is over the limit', async () => {
    const limiter = createMemoryRateLimiter({ limit: 1, windowSeconds: 30 });
    await takeLlmAllowance({ limiter, userId: 'ada' });
    const refused = await takeLlmAllowance({ limiter, userId: 'ada' }).catch((error) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused.status).toBe(429);
    expect(refused.headers['Retry-After']).toBe('30');
  });
});

describe.skipIf(!redisUrl)('Redis rate limit', () => {
  const opened: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const item of opened) await item.close();
  });
  const open = (url: string, limit: number, keyPrefix = `test:${randomUUID()}:`) => {
    const capture = createCaptureLogger();
    const limiter = createRedisRateLimiter({
      url,
      limit,
      windowSeconds: 60,
      logger: capture.logger,
      keyPrefix,
    });
    opened.push(limiter);
    return { limiter, capture };
  };

  it('counts across processes sharing one Redis', async () => {
    const prefix = `test:${randomUUID()}:`;
    const first = open(redisUrl!, 3, prefix).limiter;
    const second = open(redisUrl!, 3, prefix).limiter;
    const results = await Promise.all([
      first.hit('ada'),
      second.hit('ada'),
      first.hit('ada'),
      second.hit('ada'),
    ]);
    expect(results.filter((result) => result.allowed)).toHaveLength(3);
    const refused = results.find((result) => !result.allowed)!;
    expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('keeps serving per process, with a warning, while Redis is away, and shares again once back', async () => {
    const target = new URL(redisUrl!);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    opened.push(proxy);
    const { limiter, capture } = open(`redis://127.0.0.1:${proxy.port}`, 2);
    expect((await limiter.hit('ada')).allowed).toBe(true);

    await proxy.cut();
    const during: Awaited<ReturnType<RateLimiter['hit']>>[] = [];
    for (let i = 0; i < 3; i += 1) during.push(await limiter.hit('ada'));
    // The process counts on its own from zero: two allowed, then refused.
    expect(during.map((result) => result.allowed)).toEqual([true, true, false]);
    const warnings = capture.records().filter((record) => record.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toContain('Redis cannot be reached');

    await proxy.restore();
    const recovered = async () => {
      await limiter.hit('grace');
      return capture.records().some((record) => String(record.msg).includes('answers again'));
    };
    await expect.poll(recovered, { timeout: 10_000, interval: 200 }).toBe(true);
    // Back on Redis, the count made there before the outage holds.
    expect((await limiter.hit('ada')).allowed).toBe(true);
    expect((await limiter.hit('ada')).allowed).toBe(false);
  });
});
