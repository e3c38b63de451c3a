import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLearnApiClient,
  learnApiResult,
} from '@/features/learning/learn-api/learn-api-client';
import { type LearnApiStack, startLearnApiStack, webClient } from '@/test/learn-api-stack';
import { createSessionRenewals, keepTokensFresh } from './keep-tokens-fresh';
import { SessionEndedError } from './session-lifetime';
import { createMemoryRevocations } from './session-revocations';

const haveDatabase = Boolean(process.env.TEST_DATABASE_URL);
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe.skipIf(!haveDatabase)('renewing the access token with the local issuer', () => {
  let stack: LearnApiStack;
  let client: { issuer: string; clientId: string; clientSecret: string };
  beforeAll(async () => {
    stack = await startLearnApiStack();
    client = {
      issuer: stack.issuer.url,
      clientId: webClient.clientId,
      clientSecret: webClient.clientSecret,
    };
  });
  afterAll(() => stack?.close());

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

  const fresh = (
    token: Awaited<ReturnType<typeof expiredSession>>,
    parts: { renewals?: ReturnType<typeof createSessionRenewals>; warnings?: unknown[] } = {},
    revocations = createMemoryRevocations(),
  ) =>
    keepTokensFresh({
      token,
      client,
      renewals: parts.renewals ?? createSessionRenewals(),
      revocations,
      onIssuerUnavailable: (error) => parts.warnings?.push(error),
    });

  it('gets a new access token from the refresh token, and learn-api accepts it', async () => {
    const session = await expiredSession();
    const renewed = await fresh(session);
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
    const renewals = createSessionRenewals();
    const [first, second] = await Promise.all([
      fresh(session, { renewals }),
      fresh(session, { renewals }),
    ]);
    const later = await fresh(session, { renewals });
    expect(second.accessToken).toBe(first.accessToken);
    expect(later.accessToken).toBe(first.accessToken);
    expect(first.accessToken).not.toBe(session.accessToken);
  });

  it('leaves a token that is still good alone', async () => {
    const session = { ...(await expiredSession()), accessTokenExpiresAt: nowSeconds() + 600 };
    await expect(fresh(session)).resolves.toBe(session);
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
    const revocations = createMemoryRevocations();
    await expect(fresh(session, {}, revocations)).rejects.toThrow(SessionEndedError);
    await expect(revocations.isRevoked(session.sessionId)).resolves.toBe(true);
  });

  it('keeps the session and says why when the issuer cannot be reached', async () => {
    const session = await expiredSession();
    const warnings: unknown[] = [];
    const renewed = await keepTokensFresh({
      token: session,
      client: { ...client, issuer: 'http://127.0.0.1:1' },
      renewals: createSessionRenewals(),
      revocations: createMemoryRevocations(),
      onIssuerUnavailable: (error) => warnings.push(error),
    });
    expect(renewed).toBe(session);
    expect(warnings).toHaveLength(1);
  });
});
