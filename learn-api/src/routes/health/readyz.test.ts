import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisCache } from '../../adapters/cache/redis-cache.js';
import { buildTestApp } from '../../test-support/build-app.js';
import { type JwksServer, startJwksServer } from '../../test-support/jwks-server.js';
import { databaseServerUrl, openTestDatabase } from '../../test-support/test-database.js';

describe.skipIf(!databaseServerUrl)('readiness', () => {
  let jwks: JwksServer;
  let testDb: Awaited<ReturnType<typeof openTestDatabase>>;

  beforeAll(async () => {
    jwks = await startJwksServer();
    testDb = await openTestDatabase();
  });
  afterAll(async () => {
    await testDb?.close();
    await jwks?.close();
  });

  it.each(['/readyz', '/api/learntrac/readyz'])(
    'is ready at %s when the database and cache answer',
    async (path) => {
      const { app } = buildTestApp({ jwks, db: testDb.db, databaseUrl: testDb.database.url });
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        status: 'ready',
        checks: { database: 'ok', cache: 'ok' },
        failed: [],
      });
    },
  );

  it('answers 503 naming the database when it cannot be reached', async () => {
    const { app, logs } = buildTestApp({ jwks });
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: 'not_ready',
      checks: { database: 'failed', cache: 'ok' },
      failed: ['database'],
    });
    expect(
      logs.records().some((record) => record.msg === 'not ready' && record.check === 'database'),
    ).toBe(true);
  });

  it('answers 503 naming the cache when Redis cannot be reached', async () => {
    const cache = createRedisCache({ url: 'redis://127.0.0.1:1' });
    const { app } = buildTestApp({ jwks, db: testDb.db, databaseUrl: testDb.database.url, cache });
    const res = await app.request('/readyz');
    await cache.close();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      checks: { database: 'ok', cache: 'failed' },
      failed: ['cache'],
    });
  });
});
