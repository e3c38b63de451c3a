import { createTestDatabase, type TestDatabase, testServerUrl } from '@learntrac/db/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const serverUrl = testServerUrl();

const settings = {
  NEXTAUTH_URL: 'http://localhost:8000',
  NEXTAUTH_SECRET: 'readyz-test-secret-long-enough-for-the-schema',
  COGNITO_ISSUER: 'http://localhost:8002',
  COGNITO_CLIENT_ID: 'learntrac-web',
  COGNITO_CLIENT_SECRET: 'client-secret',
  LEARN_API_URL: 'http://localhost:8001',
};

const holder = globalThis as typeof globalThis & {
  learntracDb?: { close(): Promise<void> };
};

/** The route as the server loads it, with a fresh configuration and database client. */
async function callReadyz(databaseUrl: string) {
  vi.resetModules();
  for (const [name, value] of Object.entries({ ...settings, DATABASE_URL: databaseUrl })) {
    vi.stubEnv(name, value);
  }
  const { GET } = await import('./route');
  const response = await GET(new Request('http://localhost:8000/readyz'));
  return { status: response.status, body: await response.json() };
}

describe.skipIf(!serverUrl)('GET /readyz against PostgreSQL', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ serverUrl: serverUrl!, prefix: 'web_readyz' });
  });
  beforeEach(() => {
    holder.learntracDb = undefined;
  });
  afterEach(async () => {
    await holder.learntracDb?.close();
    holder.learntracDb = undefined;
    vi.unstubAllEnvs();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('answers 200 when the database answers', async () => {
    const { status, body } = await callReadyz(database.url);
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', checks: { database: { status: 'ok' } } });
  });

  it('answers 503 naming the database when it cannot be reached', async () => {
    const unreachable = new URL(database.url);
    unreachable.port = '1';
    const { status, body } = await callReadyz(unreachable.toString());
    expect(status).toBe(503);
    expect(body.status).toBe('unavailable');
    expect(body.checks.database.status).toBe('failed');
    expect(body.checks.database.message).toEqual(expect.any(String));
  });
});
