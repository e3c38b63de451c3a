import { Redis } from 'ioredis';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { findTestServerUrl } from './test-server-url.js';

const databaseUrl = findTestServerUrl({ variable: 'TEST_DATABASE_URL', server: 'PostgreSQL' });
const redisUrl = findTestServerUrl({ variable: 'TEST_REDIS_URL', server: 'Redis' });
const awsEndpoint = findTestServerUrl({ variable: 'TEST_AWS_ENDPOINT', server: 'moto_server' });

describe.skipIf(!databaseUrl)('PostgreSQL test server', () => {
  it('is PostgreSQL 15 and lets the test user create and drop a database', async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ server_version_num: string }>(
        'SHOW server_version_num',
      );
      expect(Math.floor(Number(rows[0]!.server_version_num) / 10000)).toBe(15);
      const name = `launcher_probe_${process.pid}`;
      await client.query(`CREATE DATABASE ${name}`);
      await client.query(`DROP DATABASE ${name}`);
    } finally {
      await client.end();
    }
  });
});

describe.skipIf(!redisUrl)('Redis test server', () => {
  it('answers and keeps nothing on disk', async () => {
    const redis = new Redis(redisUrl!, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    try {
      const key = `launcher-probe:${process.pid}`;
      await redis.set(key, 'hello', 'EX', 10);
      expect(await redis.get(key)).toBe('hello');
      await redis.del(key);
      expect(await redis.config('GET', 'save')).toEqual(['save', '']);
      expect(await redis.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
    } finally {
      redis.disconnect();
    }
  });
});

describe.skipIf(!awsEndpoint)('moto_server AWS emulator', () => {
  it('answers a Secrets Manager call', async () => {
    // moto does not check signatures, so a plain JSON-protocol request is enough to prove it is up.
    const response = await fetch(awsEndpoint!, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'secretsmanager.ListSecrets',
        authorization:
          'AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty('SecretList');
  });
});
