import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLearnApiClient,
  learnApiResult,
} from '@/features/learning/learn-api/learn-api-client';
import { type LearnApiStack, startLearnApiStack, webClient } from '@/test/learn-api-stack';
import { keepTokensFresh } from './keep-tokens-fresh';
import {
  createMemoryRenewedTokens,
  createRedisRenewedTokens,
  type RenewedTokens,
} from './renewed-tokens';
import { SessionEndedError } from './session-lifetime';
import { createMemoryRevocations } from './session-revocations';

const haveDatabase = Boolean(process.env.TEST_DATABASE_URL);
const redisUrl = process.env.TEST_REDIS_URL;
const secret = 'a-test-secret-that-is-long-enough-for-jwe';
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe.skipIf(!haveDatabase)(
  'renewing the access token with the local issuer',
  { timeout: 30_000 },
  () => {
    let stack: LearnApiStack;
    let client: { issuer: string; clientId: string; clientSecret: string };
    const stores: RenewedTokens[] = [];
    beforeAll(async () => {
      stack = await startLearnApiStack();
      client = {
        issuer: stack.issuer.url,
        clientId: webClient.clientId,
        clientSecret: webClient.clientSecret,
      };
    }, 60_000);
    afterAll(async () => {
      await Promise.all(stores.map((store) => store.close()));
      await stack?.close();
    }, 30_000);

    /** A session as the cookie holds it after sign-in, its access token past its expiry. */
    async function expiredSession() {
      const tokens = await stack.tokensFor('learner');
      return {
        sessionId: randomUUID(),
        signedInAt: nowSeconds() - 3700,
        accessToken: tokens.access_token,
        accessTokenExpiresAt: nowSeconds() - 10,
        refreshToken: tokens.refresh_token,
        idToken: tokens.id_token,
      };
    }

    /** One web server's part: its renewals under way, and where renewed tokens are kept. */
    function webServer(renewed: RenewedTokens = createMemoryRenewedTokens()) {
      stores.push(renewed);
      const warnings: unknown[] = [];
      const revocations = createMemoryRevocations();
      const inFlight = new Map();
      return {
        warnings,
        revocations,
        fresh: (token: Awaited<ReturnType<typeof expiredSession>>, issuer = client.issuer) =>
          keepTokensFresh({
            token,
            client: { ...client, issuer },
            inFlight,
            renewed,
            revocations,
            onIssuerUnavailable: (error) => warnings.push(error),
            onStoreUnavailable: (error) => warnings.push(error),
          }),
      };
    }

    it('gets a new access token from the refresh token, and learn-api accepts it', async () => {
      const session = await expiredSession();
      const renewed = await webServer().fresh(session);
      expect(renewed.accessToken).not.toBe(session.accessToken);
      expect(renewed.accessTokenExpiresAt).toBeGreaterThan(nowSeconds() + 3000);
      expect(renewed.sessionId).toBe(session.sessionId);
      expect(renewed.refreshToken).toBeTruthy();
      const api = createLearnApiClient({
        baseUrl: stack.learnApiUrl,
        accessToken: renewed.accessToken,
      });
      const me = await learnApiResult(api.GET('/api/learntrac/me'));
      expect(me).toMatchObject({ ok: true, data: { username: 'learner' } });
    });

    it('asks the issuer once for requests that arrive together or before the cookie is rewritten', async () => {
      const session = await expiredSession();
      const server = webServer();
      const [first, second] = await Promise.all([server.fresh(session), server.fresh(session)]);
      const later = await server.fresh(session);
      expect(second.accessToken).toBe(first.accessToken);
      expect(later.accessToken).toBe(first.accessToken);
      expect(first.accessToken).not.toBe(session.accessToken);
    });

    it.skipIf(!redisUrl)(
      'shares a renewal with the other web servers through Redis, sealed',
      async () => {
        const keyPrefix = `test:${randomUUID()}:`;
        const shared = () => createRedisRenewedTokens({ url: redisUrl!, secret, keyPrefix });
        const session = await expiredSession();
        const first = await webServer(shared()).fresh(session);
        const second = await webServer(shared()).fresh(session);
        expect(second.accessToken).toBe(first.accessToken);

        const raw = new Redis(redisUrl!);
        try {
          const stored = await raw.get(`${keyPrefix}${session.sessionId}`);
          expect(stored).toBeTruthy();
          expect(stored).not.toContain(first.accessToken!.slice(0, 40));
          expect(await raw.ttl(`${keyPrefix}${session.sessionId}`)).toBeGreaterThan(3000);
        } finally {
          raw.disconnect();
        }
      },
    );

    it('still renews, and says why, when Redis cannot be reached', async () => {
      const session = await expiredSession();
      const server = webServer(createRedisRenewedTokens({ url: 'redis://127.0.0.1:1', secret }));
      const renewed = await server.fresh(session);
      expect(renewed.accessToken).not.toBe(session.accessToken);
      expect(server.warnings.length).toBeGreaterThan(0);
    });

    it('leaves a token that is still good alone', async () => {
      const session = { ...(await expiredSession()), accessTokenExpiresAt: nowSeconds() + 600 };
      await expect(webServer().fresh(session)).resolves.toBe(session);
    });

    it('ends the session, for every copy of its cookie, when the issuer refuses the refresh token', async () => {
      const session = await expiredSession();
      const revoked = await fetch(`${stack.issuer.url}/oauth2/revoke`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          token: session.refreshToken,
          token_type_hint: 'refresh_token',
        }).toString(),
      });
      expect(revoked.status).toBe(200);
      const server = webServer();
      await expect(server.fresh(session)).rejects.toThrow(SessionEndedError);
      await expect(server.revocations.isRevoked(session.sessionId)).resolves.toBe(true);
    });

    it('keeps the session and says why when the issuer cannot be reached', async () => {
      const session = await expiredSession();
      const server = webServer();
      await expect(server.fresh(session, 'http://127.0.0.1:1')).resolves.toBe(session);
      expect(server.warnings).toHaveLength(1);
    });
  },
);
