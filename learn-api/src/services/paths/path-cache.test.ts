import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cache } from '../../adapters/cache/cache.js';
import { createMemoryCache } from '../../adapters/cache/memory-cache.js';
import { createRedisCache } from '../../adapters/cache/redis-cache.js';
import { buildTestApp } from '../../test-support/build-app.js';
import { insertMaterial, recursionChapter } from '../../test-support/insert-material.js';
import { type JwksServer, startJwksServer } from '../../test-support/jwks-server.js';
import { databaseServerUrl, openTestDatabase } from '../../test-support/test-database.js';
import { testServerUrl } from '../../test-support/test-env.js';
import { invalidateScopes, readThrough } from './path-cache.js';
import { recordConceptProgress } from './record-concept-progress.js';

const redisUrl = testServerUrl('TEST_REDIS_URL');

interface ConceptBody {
  ticketId: number;
  concept: string;
  status: string;
  locked: boolean;
  prerequisites: number[];
}
interface PathBody {
  id: string;
  title: string;
  status: string;
  concepts: ConceptBody[];
}

const caches: [string, () => Cache][] = [
  ['Redis', () => createRedisCache({ url: redisUrl!, keyPrefix: `test:${randomUUID()}:` })],
  ['the in-process cache', () => createMemoryCache()],
];

describe.skipIf(!databaseServerUrl || !redisUrl).each(caches)(
  'paths and progress cached in %s',
  (_name, openCache) => {
    let jwks: JwksServer;
    let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
    let cache: Cache;
    let built: ReturnType<typeof buildTestApp>;
    let path: PathBody;
    const instructor = { sub: randomUUID(), username: 'ines', group: 'instructors' };
    const learner = { sub: randomUUID(), username: 'ada', group: 'learners' };

    async function call(who: typeof learner, method: string, url: string, body?: unknown) {
      const token = await jwks.signToken({
        claims: { sub: who.sub, username: who.username, 'cognito:groups': [who.group] },
      });
      const res = await built.app.request(`/api/learntrac${url}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(res.status, `${method} ${url}`).toBe(200);
      return (await res.json()) as PathBody;
    }
    const read = () => call(learner, 'GET', `/paths/${path.id}`);
    const conceptOf = (view: PathBody, name: string) =>
      view.concepts.find((concept) => concept.concept === name)!;

    beforeAll(async () => {
      jwks = await startJwksServer();
      testDb = await openTestDatabase();
      cache = openCache();
      built = buildTestApp({ jwks, db: testDb.db, databaseUrl: testDb.database.url, cache });
      const { chunkIds } = await insertMaterial({
        db: testDb.db,
        title: 'Thinking recursively',
        chunks: recursionChapter,
      });
      const token = await jwks.signToken({
        claims: { sub: instructor.sub, username: 'ines', 'cognito:groups': ['instructors'] },
      });
      const res = await built.app.request('/api/learntrac/paths', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'shared', title: 'Recursion', chunkIds }),
      });
      path = (await res.json()) as PathBody;
      await call(instructor, 'PATCH', `/paths/${path.id}`, { status: 'published' });
    });
    afterAll(async () => {
      await cache?.close();
      await testDb?.close();
      await jwks?.close();
    });

    it('answers from the cache: a change made behind learn-api’s back does not show', async () => {
      const functions = conceptOf(await read(), 'Functions').ticketId;
      await testDb.db.ticket.update({ where: { id: functions }, data: { summary: 'Procedures' } });
      expect(conceptOf(await read(), 'Functions')).toBeDefined();
      await testDb.db.ticket.update({ where: { id: functions }, data: { summary: 'Functions' } });
    });

    it('shows a concept edit on the very next read', async () => {
      const { ticketId } = conceptOf(await read(), 'argument');
      await call(instructor, 'PATCH', `/paths/${path.id}/concepts/${ticketId}`, {
        concept: 'Arguments',
      });
      expect((await read()).concepts.map((concept) => concept.concept)).toContain('Arguments');
    });

    it('shows added and removed prerequisites on the very next read', async () => {
      const before = await read();
      const { ticketId } = conceptOf(before, 'Base case');
      const { ticketId: needed } = conceptOf(before, 'Arguments');
      const edge = `/paths/${path.id}/concepts/${ticketId}/prerequisites/${needed}`;
      await call(instructor, 'PUT', edge);
      expect(conceptOf(await read(), 'Base case').prerequisites).toContain(needed);
      await call(instructor, 'DELETE', edge);
      expect(conceptOf(await read(), 'Base case').prerequisites).not.toContain(needed);
    });

    it('shows recorded progress and the locks it opens on the very next read', async () => {
      const before = await read();
      const functions = conceptOf(before, 'Functions');
      expect(conceptOf(before, 'parameter').locked).toBe(true);
      for (const score of [0.9, 1]) {
        await recordConceptProgress({
          deps: built.deps,
          userId: learner.sub,
          ticketId: functions.ticketId,
          score,
        });
      }
      const after = await read();
      expect(conceptOf(after, 'Functions').status).toBe('mastered');
      expect(conceptOf(after, 'parameter').locked).toBe(false);
      const next = (await call(learner, 'GET', `/paths/${path.id}/next`)) as unknown as {
        ready: ConceptBody[];
      };
      expect(next.ready.map((concept) => concept.concept)).toContain('parameter');
    });

    it('shows a renamed, then archived path on the very next read', async () => {
      await read();
      await call(instructor, 'PATCH', `/paths/${path.id}`, { title: 'Recursion, revised' });
      expect((await read()).title).toBe('Recursion, revised');
      await call(instructor, 'PATCH', `/paths/${path.id}`, { status: 'archived' });
      const token = await jwks.signToken({
        claims: { sub: learner.sub, username: 'ada', 'cognito:groups': ['learners'] },
      });
      const gone = await built.app.request(`/api/learntrac/paths/${path.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(gone.status).toBe(404);
    });

    it('never lets a read that began before a write answer a read after it', async () => {
      const deps = { cache, logger: built.deps.logger };
      const scope = `test:${randomUUID()}`;
      let release!: () => void;
      const slowRead = readThrough(deps, scope, async () => {
        // The database answered before the write; the reader is slow to store it.
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return 'before';
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      await invalidateScopes(deps, [scope]);
      release();
      expect(await slowRead).toBe('before');
      expect(await readThrough(deps, scope, async () => 'after')).toBe('after');
    });
  },
);

describe.skipIf(!databaseServerUrl)('paths while the cache is down', () => {
  let jwks: JwksServer;
  let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
  const down = createRedisCache({ url: 'redis://127.0.0.1:1' });
  beforeAll(async () => {
    jwks = await startJwksServer();
    testDb = await openTestDatabase();
  });
  afterAll(async () => {
    await down.close();
    await testDb?.close();
    await jwks?.close();
  });

  it('still builds and shows paths from the database, and logs a warning', async () => {
    const { app, logs } = buildTestApp({
      jwks,
      db: testDb.db,
      databaseUrl: testDb.database.url,
      cache: down,
    });
    const { chunkIds } = await insertMaterial({
      db: testDb.db,
      title: 'Thinking recursively',
      chunks: recursionChapter,
    });
    const token = await jwks.signToken({
      claims: { sub: randomUUID(), username: 'ada', 'cognito:groups': ['learners'] },
    });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await app.request('/api/learntrac/paths', {
      method: 'POST',
      headers,
      body: JSON.stringify({ kind: 'personal', title: 'Mine', chunkIds }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const shown = await app.request(`/api/learntrac/paths/${id}`, { headers });
    expect(shown.status).toBe(200);
    expect(((await shown.json()) as PathBody).concepts).toHaveLength(9);
    expect(logs.records()).toContainEqual(
      expect.objectContaining({ level: 40, msg: 'cache did not answer; using the database' }),
    );
  });
});
