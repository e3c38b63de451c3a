import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test-support/build-app.js';
import { type JwksServer, startJwksServer } from '../../test-support/jwks-server.js';
import { databaseServerUrl, openTestDatabase } from '../../test-support/test-database.js';

interface PathBody {
  id: string;
  title: string;
  status: string;
  ownerId: string;
  createdAt: string;
}

describe.skipIf(!databaseServerUrl)('learning paths', () => {
  let jwks: JwksServer;
  let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: ReturnType<typeof buildTestApp>['app'];
  const instructorSub = randomUUID();

  const tokenFor = (group: string, sub = randomUUID()) =>
    jwks.signToken({ claims: { sub, 'cognito:groups': [group] } });

  async function listTitles(group: string, query = '') {
    const res = await app.request(`/api/learntrac/paths${query}`, {
      headers: { authorization: `Bearer ${await tokenFor(group)}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { paths: PathBody[] };
    return body.paths.map((path) => path.title);
  }

  beforeAll(async () => {
    jwks = await startJwksServer();
    testDb = await openTestDatabase();
    ({ app } = buildTestApp({ jwks, db: testDb.db }));
    // Rows written straight to the table, with known ages, as another service would leave them.
    const day = 24 * 60 * 60 * 1000;
    await testDb.db.path.createMany({
      data: [
        {
          cognitoUserId: 'someone',
          title: 'Sorting',
          status: 'published',
          createdAt: new Date(Date.now() - 3 * day),
        },
        {
          cognitoUserId: 'someone',
          title: 'Heaps (draft)',
          status: 'draft',
          createdAt: new Date(Date.now() - 2 * day),
        },
      ],
    });
  });
  afterAll(async () => {
    await testDb?.close();
    await jwks?.close();
  });

  it('lets an instructor create a path that is a draft until published', async () => {
    const res = await app.request('/api/learntrac/paths', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenFor('instructors', instructorSub)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        title: '  Graph algorithms ',
        description: 'BFS, DFS, shortest paths',
        query: 'milestone=graphs',
      }),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as PathBody;
    expect(created).toMatchObject({
      title: 'Graph algorithms',
      status: 'draft',
      ownerId: instructorSub,
    });

    const row = await testDb.db.path.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      title: 'Graph algorithms',
      query: 'milestone=graphs',
      cognitoUserId: instructorSub,
    });
  });

  it('shows instructors and admins every path, newest first', async () => {
    expect(await listTitles('instructors')).toEqual([
      'Graph algorithms',
      'Heaps (draft)',
      'Sorting',
    ]);
    expect(await listTitles('admins')).toEqual(['Graph algorithms', 'Heaps (draft)', 'Sorting']);
  });

  it('shows learners published paths only', async () => {
    expect(await listTitles('learners')).toEqual(['Sorting']);
  });

  it('pages through the list', async () => {
    expect(await listTitles('instructors', '?limit=1&offset=1')).toEqual(['Heaps (draft)']);
  });

  it('does not let a learner create a path', async () => {
    const res = await app.request('/api/learntrac/paths', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokenFor('learners')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ title: 'Mine' }),
    });
    expect(res.status).toBe(403);
    expect(await testDb.db.path.count({ where: { title: 'Mine' } })).toBe(0);
  });
});
