import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test-support/build-app.js';
import { type JwksServer, startJwksServer } from '../test-support/jwks-server.js';

let jwks: JwksServer;
let app: ReturnType<typeof buildTestApp>['app'];

beforeAll(async () => {
  jwks = await startJwksServer();
  ({ app } = buildTestApp({ jwks }));
});
afterAll(async () => {
  await jwks.close();
});

const me = (token?: string) =>
  app.request('/api/learntrac/me', { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('signing in with a Cognito access token', () => {
  it('tells a signed-in learner who they are and what they may do', async () => {
    const sub = randomUUID();
    const token = await jwks.signToken({ claims: { sub, email: 'ada@example.com' } });
    const res = await me(token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      sub,
      username: 'ada',
      email: 'ada@example.com',
      groups: ['learners'],
      roles: ['learner'],
      permissions: ['PATH_VIEW', 'ANSWER_SUBMIT', 'PROGRESS_VIEW_OWN'],
    });
  });

  it('accepts tokens from every configured app client', async () => {
    const token = await jwks.signToken({ claims: { client_id: 'learntrac-cli' } });
    expect((await me(token)).status).toBe(200);
  });

  it('gives an admin every permission', async () => {
    const token = await jwks.signToken({ claims: { 'cognito:groups': ['admins'] } });
    const body = (await (await me(token)).json()) as { roles: string[]; permissions: string[] };
    expect(body.roles).toEqual(['admin']);
    expect(body.permissions).toContain('TRAC_ADMIN');
    expect(body.permissions).toContain('PROGRESS_VIEW_ALL');
  });

  const rejected: [string, () => Promise<string | undefined>, string][] = [
    ['no token', async () => undefined, 'Bearer access token is required'],
    ['a token that is not a JWT', async () => 'not-a-jwt', 'not valid'],
    [
      'a token from another issuer',
      () => jwks.signToken({ claims: { iss: 'https://evil.example.com' } }),
      'not valid',
    ],
    [
      'a token for another app client',
      () => jwks.signToken({ claims: { client_id: 'someone-else' } }),
      'client',
    ],
    ['an expired token', () => jwks.signToken({ expiresIn: -60 }), 'expired'],
    [
      'an id token',
      () => jwks.signToken({ claims: { token_use: 'id', aud: jwks.clientId } }),
      'access token',
    ],
    [
      'a token signed with an unpublished key',
      () => jwks.signToken({ unpublishedKey: true }),
      'not valid',
    ],
    [
      'a token whose claims were edited after signing',
      async () => {
        const [header, payload, signature] = (await jwks.signToken()).split('.');
        const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
        claims['cognito:groups'] = ['admins'];
        return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join(
          '.',
        );
      },
      'not valid',
    ],
  ];
  it.each(rejected)('turns away %s with 401', async (_case, makeToken, message) => {
    const res = await me(await makeToken());
    expect(res.status).toBe(401);
    const body = (await res.json()) as Record<string, string>;
    expect(body.code).toBe('UNAUTHORIZED');
    expect(body.message).toContain(message);
    expect(body.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('refuses a signed-in user without a LearnTrac group where a role is needed', async () => {
    const token = await jwks.signToken({ claims: { 'cognito:groups': undefined } });
    const who = await me(token);
    expect(who.status).toBe(200);
    expect(await who.json()).toMatchObject({ groups: [], roles: [], permissions: [] });

    const res = await app.request('/api/learntrac/paths', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a learner where a permission they lack is needed', async () => {
    const token = await jwks.signToken();
    const res = await app.request('/api/learntrac/paths', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Graphs' }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      code: 'FORBIDDEN',
      message: 'This needs the PATH_MANAGE permission',
    });
  });

  it('fetches the issuer keys once and reuses them', async () => {
    const before = jwks.keyRequests();
    await me(await jwks.signToken());
    await me(await jwks.signToken());
    expect(jwks.keyRequests()).toBe(before);
  });
});

describe('when the issuer cannot be reached', () => {
  it('answers 503 rather than blaming the token', async () => {
    const gone = await startJwksServer();
    const token = await gone.signToken();
    const { app: lonely } = buildTestApp({ jwks: gone });
    await gone.close();
    const res = await lonely.request('/api/learntrac/me', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });
});
