import { randomUUID } from 'node:crypto';
import { PERMISSION_ACTIONS } from '@learntrac/db/permissions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test-support/build-app.js';
import { insertMaterial, recursionChapter } from '../test-support/insert-material.js';
import { type JwksServer, startJwksServer } from '../test-support/jwks-server.js';
import { openTestDatabase } from '../test-support/test-database.js';

let jwks: JwksServer;
let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
let app: ReturnType<typeof buildTestApp>['app'];
let chunkIds: string[];

beforeAll(async () => {
  jwks = await startJwksServer();
  testDb = await openTestDatabase();
  ({ app } = buildTestApp({ jwks, db: testDb.db, databaseUrl: testDb.database.url }));
  ({ chunkIds } = await insertMaterial({
    db: testDb.db,
    title: 'Recursion',
    chunks: recursionChapter,
  }));
});
/** A valid request for a shared path, which only path managers may make. */
const sharedPath = (title: string) => JSON.stringify({ kind: 'shared', title, chunkIds });
afterAll(async () => {
  await testDb?.close();
  await jwks?.close();
});

const me = (token?: string) =>
  app.request('/api/learntrac/me', { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('signing in with a Cognito access token', () => {
  it("tells a signed-in learner who they are and what the site's grants let them do", async () => {
    const sub = randomUUID();
    const token = await jwks.signToken({ claims: { sub, email: 'ada@example.com' } });
    const res = await me(token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      sub,
      username: 'ada',
      email: 'ada@example.com',
      groups: ['learners'],
      permissions: [
        'TICKET_VIEW',
        'TICKET_CREATE',
        'TICKET_APPEND',
        'MILESTONE_VIEW',
        'ROADMAP_VIEW',
        'REPORT_VIEW',
        'REPORT_SQL_VIEW',
        'WIKI_VIEW',
        'TIMELINE_VIEW',
        'SEARCH_VIEW',
        'LEARNING_VIEW',
        'LEARNING_ANSWER',
        'LEARNING_PROGRESS_OWN',
      ],
    });
  });

  it('accepts tokens from every configured app client', async () => {
    const token = await jwks.signToken({ claims: { client_id: 'learntrac-cli' } });
    expect((await me(token)).status).toBe(200);
  });

  it('gives an admin every permission, through TRAC_ADMIN', async () => {
    const token = await jwks.signToken({ claims: { 'cognito:groups': ['admins'] } });
    const body = (await (await me(token)).json()) as { permissions: string[] };
    expect(body.permissions).toEqual([...PERMISSION_ACTIONS]);
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

  it('gives a group the site does not know nothing beyond what every signed-in user holds', async () => {
    const permissionsOf = async (groups: string[] | undefined) => {
      const res = await me(await jwks.signToken({ claims: { 'cognito:groups': groups } }));
      return ((await res.json()) as { permissions: string[] }).permissions;
    };
    const stranger = await permissionsOf(['us-east-1_pool_Google', 'staff']);
    expect(stranger).toEqual(await permissionsOf(undefined));
    expect(stranger).not.toContain('LEARNING_ANSWER');

    const res = await app.request('/api/learntrac/paths', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await jwks.signToken({ claims: { 'cognito:groups': ['staff'] } })}`,
        'content-type': 'application/json',
      },
      body: sharedPath('Graphs'),
    });
    expect(res.status).toBe(403);
  });

  it('refuses a learner where a permission they lack is needed', async () => {
    const token = await jwks.signToken();
    const res = await app.request('/api/learntrac/paths', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: sharedPath('Graphs'),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/^This needs the LEARNING_MANAGE permission/),
    });
  });

  it('fetches the issuer keys once and reuses them', async () => {
    const before = jwks.keyRequests();
    await me(await jwks.signToken());
    await me(await jwks.signToken());
    expect(jwks.keyRequests()).toBe(before);
  });
});

describe("grants and revokes in Trac's permission table", () => {
  const createPath = async (title: string) =>
    app.request('/api/learntrac/paths', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await jwks.signToken({ claims: { 'cognito:groups': ['learners'] } })}`,
        'content-type': 'application/json',
      },
      body: sharedPath(title),
    });
  // What the admin's permission page writes.
  const grant = (username: string, action: string) =>
    testDb.db
      .$executeRaw`INSERT INTO permission (username, action) VALUES (${username}, ${action})`;
  const revoke = (username: string, action: string) =>
    testDb.db
      .$executeRaw`DELETE FROM permission WHERE username = ${username} AND action = ${action}`;

  it('apply to a group on the next request, and a revoke likewise', async () => {
    expect((await createPath('Before the grant')).status).toBe(403);
    await grant('learners', 'LEARNING_MANAGE');
    expect((await createPath('After the grant')).status).toBe(201);
    await revoke('learners', 'LEARNING_MANAGE');
    expect((await createPath('After the revoke')).status).toBe(403);
    const titles = (await testDb.db.path.findMany({ select: { title: true } })).map((p) => p.title);
    expect(titles).toEqual(['After the grant']);
  });

  it('apply through a group the table makes the user a member of', async () => {
    const token = await jwks.signToken({ claims: { username: 'grace', 'cognito:groups': [] } });
    const listDrafts = async () => {
      const res = await app.request('/api/learntrac/paths', {
        headers: { authorization: `Bearer ${token}` },
      });
      return ((await res.json()) as { paths: { status: string }[] }).paths;
    };
    await testDb.db.path.create({
      data: { cognitoUserId: 'someone', title: 'Tries (draft)', status: 'draft' },
    });
    expect(await listDrafts()).toEqual([]);
    await grant('tutors', 'LEARNING_MANAGE');
    await grant('grace', 'tutors');
    expect((await listDrafts()).map((path) => path.status)).toContain('draft');
    await revoke('grace', 'tutors');
    expect(await listDrafts()).toEqual([]);
  });
});

describe('when the permission table cannot be read', () => {
  it('answers 503 rather than guessing what the caller may do', async () => {
    const { app: cutOff } = buildTestApp({ jwks });
    const res = await cutOff.request('/api/learntrac/me', {
      headers: { authorization: `Bearer ${await jwks.signToken()}` },
    });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: 'Permissions could not be read from the database',
    });
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
