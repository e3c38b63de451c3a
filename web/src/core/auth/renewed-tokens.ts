import { decode, encode } from 'next-auth/jwt';
import type { IssuerTokens } from './renew-access-token';
import { expirySeconds, openSessionRedis } from './session-redis';

/**
 * Tokens renewed for a session, kept until the new access token expires. A page cannot rewrite
 * the session cookie, so later requests still carry the old tokens: they find the renewed ones
 * here instead of asking the issuer again (an issuer that rotates refresh tokens would refuse
 * the old one). Several web servers share them through Redis, sealed with NEXTAUTH_SECRET as the
 * cookie is; one server keeps them in process.
 */
export interface RenewedTokens {
  readonly kind: 'memory' | 'redis';
  save(options: { sessionId: string; tokens: IssuerTokens; ttlSeconds: number }): Promise<void>;
  find(sessionId: string): Promise<IssuerTokens | undefined>;
  close(): Promise<void>;
}

export function createMemoryRenewedTokens(now: () => number = Date.now): RenewedTokens {
  const kept = new Map<string, { tokens: IssuerTokens; expires: number }>();
  return {
    kind: 'memory',
    async save({ sessionId, tokens, ttlSeconds }) {
      for (const [id, entry] of kept) if (entry.expires <= now()) kept.delete(id);
      kept.set(sessionId, { tokens, expires: now() + ttlSeconds * 1000 });
    },
    async find(sessionId) {
      const entry = kept.get(sessionId);
      return entry && entry.expires > now() ? entry.tokens : undefined;
    },
    async close() {
      kept.clear();
    },
  };
}

// Sealed apart from the session cookie: a value from here never opens as a cookie.
const SALT = 'learntrac renewed tokens';

export function createRedisRenewedTokens(options: {
  url: string;
  secret: string;
  keyPrefix?: string;
}): RenewedTokens {
  const { ready, close } = openSessionRedis({
    url: options.url,
    keyPrefix: options.keyPrefix ?? 'web:renewed-tokens:',
  });

  return {
    kind: 'redis',
    async save({ sessionId, tokens, ttlSeconds }) {
      const ttl = expirySeconds(ttlSeconds);
      const sealed = await encode({
        token: { ...tokens },
        secret: options.secret,
        salt: SALT,
        maxAge: ttl,
      });
      await (await ready()).set(sessionId, sealed, 'EX', ttl);
    },
    async find(sessionId) {
      const sealed = await (await ready()).get(sessionId);
      if (sealed === null) return undefined;
      const opened = await decode({ token: sealed, secret: options.secret, salt: SALT }).catch(
        () => null,
      );
      if (!opened || typeof opened.accessToken !== 'string') return undefined;
      return {
        accessToken: opened.accessToken,
        accessTokenExpiresAt: Number(opened.accessTokenExpiresAt),
        refreshToken: typeof opened.refreshToken === 'string' ? opened.refreshToken : undefined,
        idToken: typeof opened.idToken === 'string' ? opened.idToken : undefined,
      };
    },
    close,
  };
}

/** Redis when REDIS_URL is set, else in this process. */
export function createRenewedTokens(options: { redisUrl: string | undefined; secret: string }) {
  return options.redisUrl
    ? createRedisRenewedTokens({ url: options.redisUrl, secret: options.secret })
    : createMemoryRenewedTokens();
}
