import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  assertSessionLive,
  endSession,
  endUserSessions,
  SESSION_ABSOLUTE_SECONDS,
  SESSION_IDLE_SECONDS,
  SessionEndedError,
} from './session-lifetime';
import {
  createMemoryRevocations,
  createRedisRevocations,
  type SessionRevocations,
} from './session-revocations';

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl && (process.env.CI === 'true' || process.env.CI === '1')) {
  throw new Error('TEST_REDIS_URL is not set: the Redis session list needs a Redis server');
}

const now = 1_800_000_000;
const signedIn = () => ({ sessionId: randomUUID(), signedInAt: now - 60 });
const warnings: unknown[] = [];
const live = (token: object, revocations: SessionRevocations, at = now) =>
  assertSessionLive({
    token,
    revocations,
    nowSeconds: at,
    onListUnavailable: (error) => warnings.push(error),
  });

describe('how long a session lasts', () => {
  it('ends an idle session within a working day and any session within half a day', () => {
    expect(SESSION_IDLE_SECONDS).toBe(8 * 3600);
    expect(SESSION_ABSOLUTE_SECONDS).toBe(12 * 3600);
  });

  it('refuses a session older than its absolute lifetime, however busy', async () => {
    const revocations = createMemoryRevocations();
    const token = signedIn();
    await expect(live(token, revocations, now + SESSION_ABSOLUTE_SECONDS - 120)).resolves.toBe(
      undefined,
    );
    await expect(live(token, revocations, now + SESSION_ABSOLUTE_SECONDS)).rejects.toBeInstanceOf(
      SessionEndedError,
    );
  });

  it('refuses a cookie made before sessions were marked at sign-in', async () => {
    await expect(live({}, createMemoryRevocations())).rejects.toBeInstanceOf(SessionEndedError);
  });
});

const lists: [string, () => SessionRevocations][] = [
  ['in process', () => createMemoryRevocations(() => now * 1000)],
];
if (redisUrl) {
  const keyPrefix = `test:${randomUUID()}:`;
  lists.push(['in Redis', () => createRedisRevocations({ url: redisUrl, keyPrefix })]);
}

describe.each(lists)('signing out, with the list kept %s', (_where, open) => {
  const opened: SessionRevocations[] = [];
  const list = () => {
    const made = open();
    opened.push(made);
    return made;
  };
  afterAll(async () => {
    await Promise.all(opened.map((made) => made.close()));
  });

  it('stops a copy of the cookie from working, and only that session', async () => {
    const revocations = list();
    const mine = signedIn();
    const copy = { ...mine };
    const someoneElse = signedIn();
    await live(copy, revocations);
    await endSession({ token: mine, revocations, nowSeconds: now });
    await expect(live(copy, revocations)).rejects.toThrow('signed out');
    await expect(live(someoneElse, revocations)).resolves.toBe(undefined);
  });

  it('is shared by every server using the same list', async () => {
    const revocations = list();
    const token = signedIn();
    await endSession({ token, revocations, nowSeconds: now });
    if (revocations.kind === 'redis') {
      // A second web server, with its own connection.
      await expect(live(token, list())).rejects.toBeInstanceOf(SessionEndedError);
    } else {
      await expect(live(token, revocations)).rejects.toBeInstanceOf(SessionEndedError);
    }
  });

  it("ends every session of a user an admin revokes, on any server, and nobody else's", async () => {
    const revocations = list();
    const ada = `ada-${randomUUID()}`;
    const phone = { ...signedIn(), username: ada };
    const laptop = { ...signedIn(), username: ada, signedInAt: now - 3600 };
    const colleague = { ...signedIn(), username: `bob-${randomUUID()}` };
    await live(phone, revocations);
    await endUserSessions({ username: ada, revocations, nowSeconds: now });
    const elsewhere = revocations.kind === 'redis' ? list() : revocations;
    await expect(live(phone, elsewhere)).rejects.toThrow('administrator ended');
    await expect(live(laptop, elsewhere)).rejects.toThrow('administrator ended');
    await expect(live(colleague, elsewhere)).resolves.toBe(undefined);
  });

  it('lets a revoked user sign in again afterwards', async () => {
    const revocations = list();
    const ada = `ada-${randomUUID()}`;
    await endUserSessions({ username: ada, revocations, nowSeconds: now });
    const again = { sessionId: randomUUID(), signedInAt: now + 1, username: ada };
    await expect(live(again, revocations, now + 2)).resolves.toBe(undefined);
  });
});

describe('when the list cannot be read', () => {
  it('keeps people signed in and reports why', async () => {
    const broken = createRedisRevocations({ url: 'redis://127.0.0.1:1' });
    warnings.length = 0;
    await expect(live(signedIn(), broken)).resolves.toBe(undefined);
    expect(warnings).toHaveLength(1);
    await broken.close();
  });
});
