import { expirySeconds, openSessionRedis } from './session-redis';

/**
 * Sessions ended by signing out, remembered until they would have expired anyway. The session
 * cookie is a sealed token the server does not otherwise keep, so without this list a copy of
 * the cookie would keep working after sign-out. Several web servers share the list through Redis;
 * one server keeps it in process. An admin can also end every session of one user: the list then
 * keeps, per user name, the time before which that user's sign-ins no longer count.
 */
export interface SessionRevocations {
  readonly kind: 'memory' | 'redis';
  revoke(options: { sessionId: string; ttlSeconds: number }): Promise<void>;
  isRevoked(sessionId: string): Promise<boolean>;
  /** Ends every session of `username` that began at or before `atSeconds`. */
  revokeUser(options: { username: string; atSeconds: number; ttlSeconds: number }): Promise<void>;
  /** When the user's sessions were last ended by an admin, in seconds since the epoch. */
  userRevokedAt(username: string): Promise<number | undefined>;
  close(): Promise<void>;
}

// Session ids are UUIDs, so user names under this prefix never meet them.
const USER_KEY = 'user:';

export function createMemoryRevocations(now: () => number = Date.now): SessionRevocations {
  const until = new Map<string, number>();
  const users = new Map<string, { at: number; expires: number }>();
  return {
    kind: 'memory',
    async revoke({ sessionId, ttlSeconds }) {
      // Sign-outs are rare next to requests: sweeping here keeps the map at live sessions only.
      for (const [id, expires] of until) if (expires <= now()) until.delete(id);
      until.set(sessionId, now() + ttlSeconds * 1000);
    },
    async isRevoked(sessionId) {
      const expires = until.get(sessionId);
      return expires !== undefined && expires > now();
    },
    async revokeUser({ username, atSeconds, ttlSeconds }) {
      for (const [name, mark] of users) if (mark.expires <= now()) users.delete(name);
      users.set(username, { at: atSeconds, expires: now() + ttlSeconds * 1000 });
    },
    async userRevokedAt(username) {
      const mark = users.get(username);
      return mark && mark.expires > now() ? mark.at : undefined;
    },
    async close() {
      until.clear();
      users.clear();
    },
  };
}

export function createRedisRevocations(options: {
  url: string;
  keyPrefix?: string;
}): SessionRevocations {
  const { ready, close } = openSessionRedis({
    url: options.url,
    keyPrefix: options.keyPrefix ?? 'web:revoked-session:',
  });

  return {
    kind: 'redis',
    async revoke({ sessionId, ttlSeconds }) {
      await (await ready()).set(sessionId, '1', 'EX', expirySeconds(ttlSeconds));
    },
    async isRevoked(sessionId) {
      return (await (await ready()).exists(sessionId)) === 1;
    },
    async revokeUser({ username, atSeconds, ttlSeconds }) {
      const key = `${USER_KEY}${username}`;
      await (await ready()).set(key, String(atSeconds), 'EX', expirySeconds(ttlSeconds));
    },
    async userRevokedAt(username) {
      const value = await (await ready()).get(`${USER_KEY}${username}`);
      return value === null ? undefined : Number(value);
    },
    close,
  };
}

/** Redis when REDIS_URL is set, else the in-process list. */
export function createSessionRevocations(options: { redisUrl: string | undefined }) {
  return options.redisUrl
    ? createRedisRevocations({ url: options.redisUrl })
    : createMemoryRevocations();
}
