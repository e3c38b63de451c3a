import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test-support/build-app.js';
import { insertMaterial, recursionChapter } from '../../test-support/insert-material.js';
import { type JwksServer, startJwksServer } from '../../test-support/jwks-server.js';
import { databaseServerUrl, openTestDatabase } from '../../test-support/test-database.js';

describe.skipIf(!databaseServerUrl)('a document’s sections, to build a path from', () => {
  let jwks: JwksServer;
  let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
  let built: ReturnType<typeof buildTestApp>;

  async function get(group: string, url: string) {
    const token = await jwks.signToken({
      claims: { sub: randomUUID(), username: 'someone', 'cognito:groups': [group] },
    });
    const res = await built.app.request(`/api/learntrac${url}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    // biome-ignore lint/suspicious/noExplicitAny: the body the route documents
    return { status: res.status, body: (await res.json()) as any };
  }

  beforeAll(async () => {
    jwks = await startJwksServer();
    testDb = await openTestDatabase();
    built = buildTestApp({ jwks, db: testDb.db, databaseUrl: testDb.database.url });
  });
  afterAll(async () => {
    await testDb?.close();
    await jwks?.close();
  });

  it('groups consecutive chunks of one heading path into a section, in reading order', async () => {
    const { documentId, chunkIds } = await insertMaterial({
      db: testDb.db,
      title: 'Recursion, split',
      chunks: [
        recursionChapter[0]!,
        { ...recursionChapter[0]!, text: 'More on functions.', pageStart: 2 },
        recursionChapter[2]!,
      ],
    });
    const res = await get('instructors', `/documents/${documentId}/sections`);
    expect(res.status).toBe(200);
    expect(res.body.sections).toEqual([
      {
        headingPath: ['Functions'],
        pageStart: 1,
        pageEnd: 2,
        chunkIds: chunkIds.slice(0, 2),
        excerpt: recursionChapter[0]!.text.slice(0, 200),
      },
      expect.objectContaining({ headingPath: ['Recursion'], chunkIds: [chunkIds[2]] }),
    ]);
  });

  it('hides an unpublished document’s sections from learners and answers 404 for unknown ids', async () => {
    const { documentId } = await insertMaterial({
      db: testDb.db,
      title: 'Draft notes',
      chunks: recursionChapter.slice(0, 1),
      published: false,
    });
    expect((await get('learners', `/documents/${documentId}/sections`)).status).toBe(404);
    expect((await get('instructors', `/documents/${randomUUID()}/sections`)).status).toBe(404);
    expect((await get('instructors', '/documents/not-an-id/sections')).status).toBe(400);
  });
});
