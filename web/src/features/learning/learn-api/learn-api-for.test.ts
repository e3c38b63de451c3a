import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { NextApiRequest } from 'next';
import { getServerSession } from 'next-auth';
import { decode, encode, type JWT } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getAuthOptions } from '@/core/auth/auth-options';
import { type LearnApiStack, startLearnApiStack, webClient } from '@/test/learn-api-stack';
import { learnApiResult } from './learn-api-client';
import { learnApiFor } from './learn-api-for';

// The request whose cookie server code reads; each test sets the browser's cookie.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => request.headers }));

const haveDatabase = Boolean(process.env.TEST_DATABASE_URL);
const secret = 'a-test-secret-that-is-long-enough-for-jwe';
const cookieName = 'next-auth.session-token';
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe.skipIf(!haveDatabase)(
  'learnApiFor: learn-api as the signed-in user',
  { timeout: 30_000 },
  () => {
    let stack: LearnApiStack;
    beforeAll(async () => {
      stack = await startLearnApiStack();
      vi.stubEnv('NEXTAUTH_URL', 'http://localhost:8000');
      vi.stubEnv('NEXTAUTH_SECRET', secret);
      vi.stubEnv('COGNITO_ISSUER', stack.issuer.url);
      vi.stubEnv('COGNITO_CLIENT_ID', webClient.clientId);
      vi.stubEnv('COGNITO_CLIENT_SECRET', webClient.clientSecret);
      vi.stubEnv('DATABASE_URL', process.env.TEST_DATABASE_URL!);
      vi.stubEnv('LEARN_API_URL', stack.learnApiUrl);
      vi.stubEnv('REDIS_URL', '');
    }, 60_000);
    afterAll(async () => {
      vi.unstubAllEnvs();
      await stack?.close();
    }, 30_000);

    /** The sealed session next-auth keeps after the learner signs in, with some parts changed. */
    async function signedInLearner(change: Partial<JWT> = {}): Promise<JWT> {
      const tokens = await stack.tokensFor('learner');
      return {
        sub: '0c8f9a52-6a3e-4a43-9d5a-1f0a7c1e0003',
        username: 'learner',
        groups: ['learners'],
        accessToken: tokens.access_token,
        accessTokenExpiresAt: nowSeconds() + 3600,
        refreshToken: tokens.refresh_token,
        idToken: tokens.id_token,
        sessionId: randomUUID(),
        signedInAt: nowSeconds() - 60,
        ...change,
      };
    }

    async function browse(token: JWT) {
      const sealed = await encode({ token, secret });
      request.headers = new Headers({ cookie: `${cookieName}=${sealed}`, 'x-request-id': 'req-1' });
      return sealed;
    }

    /** next-auth's own session check, as a route handler runs it: the session, and the cookie sent back. */
    async function readSession(sealed: string) {
      const req = { headers: { host: 'localhost:8000' }, cookies: { [cookieName]: sealed } };
      const res = new ServerResponse(new IncomingMessage(new Socket()));
      const session = await getServerSession(
        req as unknown as NextApiRequest,
        res,
        getAuthOptions(),
      );
      const setCookies = [res.getHeader('set-cookie') ?? []].flat().map(String);
      const cookie = setCookies.find((line) => line.startsWith(`${cookieName}=`));
      return { session, cookieValue: cookie?.slice(cookieName.length + 1).split(';')[0] };
    }

    it("sends the signed-in user's access token, read on the server from the session cookie", async () => {
      await browse(await signedInLearner());
      const me = await learnApiResult((await learnApiFor()).GET('/api/learntrac/me'));
      expect(me).toMatchObject({ ok: true, data: { username: 'learner', groups: ['learners'] } });
    });

    it('renews an expired access token with the refresh token before calling learn-api', async () => {
      await browse(
        await signedInLearner({ accessToken: 'expired', accessTokenExpiresAt: nowSeconds() - 5 }),
      );
      const me = await learnApiResult((await learnApiFor()).GET('/api/learntrac/me'));
      expect(me).toMatchObject({ ok: true, data: { username: 'learner' } });
    });

    it('writes the renewed tokens into the session cookie when the response can carry it', async () => {
      const sealed = await browse(
        await signedInLearner({ accessToken: 'expired', accessTokenExpiresAt: nowSeconds() - 5 }),
      );
      const { session, cookieValue } = await readSession(sealed);
      expect(session).toMatchObject({ user: { username: 'learner' } });
      const renewed = await decode({ token: cookieValue, secret });
      expect(renewed?.accessToken).not.toBe('expired');
      expect(renewed?.accessTokenExpiresAt).toBeGreaterThan(nowSeconds() + 3000);
    });

    it('signs the user out when the issuer refuses to renew: learn-api sees nobody and the session ends', async () => {
      const sealed = await browse(
        await signedInLearner({
          accessToken: 'expired',
          accessTokenExpiresAt: nowSeconds() - 5,
          refreshToken: 'a-refresh-token-the-issuer-never-issued',
        }),
      );
      const me = await learnApiResult((await learnApiFor()).GET('/api/learntrac/me'));
      expect(me).toMatchObject({ ok: false, kind: 'refused', status: 401 });

      // next-auth answers with no session and clears the cookie: the next page asks to sign in.
      const { session, cookieValue } = await readSession(sealed);
      expect(session).toBeNull();
      expect(cookieValue).toBe('');
    });
  },
);
