import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeApi } from './app.js';
import { buildTestApp } from './test-support/build-app.js';
import { type JwksServer, startJwksServer } from './test-support/jwks-server.js';
import { openTestDatabase } from './test-support/test-database.js';

let jwks: JwksServer;
// Signed-in requests read the caller's permissions from the database.
let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
let built: ReturnType<typeof buildTestApp>;

beforeAll(async () => {
  jwks = await startJwksServer();
  testDb = await openTestDatabase();
  built = buildTestApp({
    jwks,
    db: testDb.db,
    databaseUrl: testDb.database.url,
    corsOrigins: ['http://localhost:8000'],
  });
});
afterAll(async () => {
  await testDb?.close();
  await jwks?.close();
});

const instructorToken = () => jwks.signToken({ claims: { 'cognito:groups': ['instructors'] } });

describe('error responses', () => {
  it('answers an unknown route with a JSON 404', async () => {
    const res = await built.app.request('/api/learntrac/nothing-here');
    expect(res.status).toBe(404);
    const body = (await res.json()) as Record<string, string>;
    expect(body).toEqual({
      code: 'NOT_FOUND',
      message: 'No route for GET /api/learntrac/nothing-here',
      requestId: res.headers.get('x-request-id'),
    });
  });

  it('answers a body that is not JSON with a JSON 400', async () => {
    const res = await built.app.request('/api/learntrac/paths', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await instructorToken()}`,
        'content-type': 'application/json',
      },
      body: '{"title": "Graphs",',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'BAD_REQUEST', requestId: expect.any(String) });
  });

  it('lists every problem with a request that fails its schema', async () => {
    const res = await built.app.request('/api/learntrac/paths', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await instructorToken()}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ title: '   ', kind: 'class' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; issues: { path: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.issues.map((issue) => issue.path).sort()).toEqual(['kind', 'title']);
  });

  it('refuses query parameters out of range', async () => {
    const res = await built.app.request('/api/learntrac/paths?limit=1000', {
      headers: { authorization: `Bearer ${await jwks.signToken()}` },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'limit' }],
    });
  });
});

describe('request ids and logs', () => {
  it('echoes a request id the caller sends, and makes one up otherwise', async () => {
    const given = await built.app.request('/healthz', {
      headers: { 'x-request-id': 'alb-trace-123' },
    });
    expect(given.headers.get('x-request-id')).toBe('alb-trace-123');
    const made = await built.app.request('/healthz', {
      headers: { 'x-request-id': 'no spaces <allowed>' },
    });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs one JSON line per request with its id, method, path, status and duration, and no token', async () => {
    const token = await jwks.signToken();
    built.logs.lines.length = 0;
    await built.app.request('/api/learntrac/me?access_token=leak', {
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'req-42' },
    });
    const records = built.logs.records();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      msg: 'request',
      requestId: 'req-42',
      method: 'GET',
      path: '/api/learntrac/me',
      status: 200,
      durationMs: expect.any(Number),
    });
    const raw = built.logs.lines.join('\n');
    expect(raw).not.toContain(token);
    expect(raw).not.toContain('leak');
  });
});

describe('CORS', () => {
  it('lets a configured origin call with credentials and an Authorization header', async () => {
    const res = await built.app.request('/api/learntrac/me', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:8000',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:8000');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );
  });

  it('gives no CORS headers to any other origin', async () => {
    const res = await built.app.request('/api/learntrac/me', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'GET' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await built.app.request('/healthz', {
      headers: { origin: 'https://evil.example.com' },
    });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('health and the API description', () => {
  it.each(['/healthz', '/api/learntrac/healthz'])(
    'says the process is up at %s without signing in',
    async (path) => {
      const res = await built.app.request(path);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
    },
  );

  it('publishes an OpenAPI document describing the routes, their errors and the bearer scheme', async () => {
    const res = await built.app.request('/api/learntrac/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { responses: Record<string, unknown>; security?: unknown }>
      >;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/learntrac/me',
        '/api/learntrac/paths',
        '/api/learntrac/readyz',
        '/api/learntrac/documents',
        '/api/learntrac/documents/{id}',
        '/api/learntrac/documents/{id}/reindex',
        '/api/learntrac/search',
        '/healthz',
      ]),
    );
    expect(doc.paths['/api/learntrac/documents']?.post?.responses).toHaveProperty('413');
    expect(doc.components.schemas).toHaveProperty('OutlineEntry');
    expect(doc.paths['/api/learntrac/paths']?.get?.responses).toHaveProperty('403');
    expect(doc.paths['/api/learntrac/paths']?.post?.security).toEqual([{ cognito: [] }]);
    expect(doc.components.schemas).toHaveProperty('Error');
    expect(doc.components.schemas).toHaveProperty('Path');
    expect(doc.components.securitySchemes).toHaveProperty('cognito');
  });
});

describe('security headers', () => {
  it('forbids framing, sniffing and loading anything into an API answer', async () => {
    const res = await built.app.request('/api/learntrac/me');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });
});

describe('the OpenAPI document', () => {
  it('is the same whether served or written without a running app, for clients to generate from', async () => {
    const served = await (await built.app.request('/api/learntrac/openapi.json')).json();
    expect(JSON.parse(JSON.stringify(describeApi()))).toEqual(served);
  });
});
