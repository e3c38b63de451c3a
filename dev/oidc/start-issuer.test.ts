import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningIssuer, startIssuer } from './start-issuer.js';

const client = {
  clientId: 'learntrac-web',
  clientSecret: 'test-secret',
  redirectUris: ['http://localhost:8000/api/auth/callback/cognito'],
  postLogoutRedirectUris: ['http://localhost:8000/'],
};
const callback = client.redirectUris[0]!;

/** The bits of a browser the flow needs: a cookie jar and redirect following. */
class Browser {
  private cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set(
        'cookie',
        [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      );
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Follows redirects until one leaves the issuer (or a page is shown). */
  async follow(response: Response, issuerUrl: string): Promise<Response | URL> {
    let current = response;
    while (current.status >= 300 && current.status < 400) {
      const location = new URL(current.headers.get('location')!, current.url || issuerUrl);
      if (!location.href.startsWith(issuerUrl)) return location;
      current = await this.request(location.href);
    }
    return current;
  }
}

function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

async function openLoginForm(issuer: RunningIssuer, browser: Browser, challenge: string) {
  const authorize = new URL(`${issuer.url}/oauth2/authorize`);
  authorize.search = new URLSearchParams({
    client_id: client.clientId,
    response_type: 'code',
    redirect_uri: callback,
    scope: 'openid email profile',
    state: 'state-123',
    nonce: 'nonce-456',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  const page = await browser.follow(await browser.request(authorize.href), issuer.url);
  if (page instanceof URL) throw new Error(`expected the login form, went to ${page}`);
  expect(page.status).toBe(200);
  return { page, html: await page.text() };
}

async function submitLogin(
  browser: Browser,
  page: Response,
  credentials: { email: string; password: string },
) {
  return browser.request(page.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(credentials).toString(),
  });
}

async function signIn(issuer: RunningIssuer, email: string, password: string) {
  const browser = new Browser();
  const { verifier, challenge } = pkcePair();
  const { page } = await openLoginForm(issuer, browser, challenge);
  const landed = await browser.follow(
    await submitLogin(browser, page, { email, password }),
    issuer.url,
  );
  if (!(landed instanceof URL)) throw new Error(`login did not redirect: ${landed.status}`);
  expect(landed.origin + landed.pathname).toBe(callback);
  expect(landed.searchParams.get('state')).toBe('state-123');
  const code = landed.searchParams.get('code');
  expect(code).toBeTruthy();

  const tokenResponse = await fetch(`${issuer.url}/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: code!,
      redirect_uri: callback,
      code_verifier: verifier,
    }).toString(),
  });
  expect(tokenResponse.status).toBe(200);
  const tokens = (await tokenResponse.json()) as Record<string, string>;
  return { browser, tokens };
}

describe('local Cognito stand-in', () => {
  let issuer: RunningIssuer;

  beforeAll(async () => {
    issuer = await startIssuer({ port: 0, clients: [client] });
  });
  afterAll(async () => {
    await issuer.stop();
  });

  it('publishes a discovery document pointing at the Cognito-style JWKS path', async () => {
    const response = await fetch(`${issuer.url}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery.issuer).toBe(issuer.url);
    expect(discovery.jwks_uri).toBe(`${issuer.url}/.well-known/jwks.json`);
    expect(discovery.authorization_endpoint).toBe(`${issuer.url}/oauth2/authorize`);
    expect(discovery.token_endpoint).toBe(`${issuer.url}/oauth2/token`);
    expect(discovery.end_session_endpoint).toBe(`${issuer.url}/logout`);
    expect(discovery.code_challenge_methods_supported).toContain('S256');
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining(['openid', 'email']));
  });

  it('serves public RS256 signing keys only', async () => {
    const response = await fetch(`${issuer.url}/.well-known/jwks.json`);
    const { keys } = (await response.json()) as { keys: Record<string, string>[] };
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
      expect(key.kid).toBeTruthy();
      expect(key.d).toBeUndefined();
    }
  });

  it('signs a learner in with code + PKCE and issues Cognito-shaped tokens', async () => {
    const { tokens } = await signIn(issuer, 'learner@learntrac.local', 'learntrac-learner');
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.refresh_token).toBeTruthy();
    const jwks = createRemoteJWKSet(new URL(`${issuer.url}/.well-known/jwks.json`));

    const { payload: id } = await jwtVerify(tokens.id_token!, jwks, {
      issuer: issuer.url,
      audience: client.clientId,
    });
    expect(id).toMatchObject({
      email: 'learner@learntrac.local',
      email_verified: true,
      'cognito:username': 'learner',
      'cognito:groups': ['learners'],
      token_use: 'id',
      nonce: 'nonce-456',
    });
    expect(id.sub).toMatch(/^[0-9a-f-]{36}$/);

    const { payload: access } = await jwtVerify(tokens.access_token!, jwks, { issuer: issuer.url });
    expect(access).toMatchObject({
      sub: id.sub,
      client_id: client.clientId,
      token_use: 'access',
      username: 'learner',
      'cognito:groups': ['learners'],
    });
    expect(String(access.scope).split(' ').sort()).toEqual(['email', 'openid', 'profile']);
    expect(access.aud).toBeUndefined();
    expect(access.jti).toBeTruthy();
    expect(access.exp! - access.iat!).toBe(3600);
  });

  it('renews the access token with the refresh token', async () => {
    const { tokens } = await signIn(issuer, 'learner@learntrac.local', 'learntrac-learner');
    const response = await fetch(`${issuer.url}/oauth2/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token!,
      }).toString(),
    });
    expect(response.status).toBe(200);
    const renewed = (await response.json()) as Record<string, string>;
    const jwks = createRemoteJWKSet(new URL(`${issuer.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(renewed.access_token!, jwks, { issuer: issuer.url });
    expect(payload).toMatchObject({ token_use: 'access', 'cognito:groups': ['learners'] });
    expect(payload.aud).toBeUndefined();
  });

  it('refuses a refresh token once the app client has revoked it, as Cognito does after sign-out', async () => {
    const { tokens } = await signIn(issuer, 'learner@learntrac.local', 'learntrac-learner');
    const basic = `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`;
    const revoked = await fetch(`${issuer.url}/oauth2/revoke`, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokens.refresh_token!, token_type_hint: 'refresh_token' }),
    });
    expect(revoked.status).toBe(200);
    const response = await fetch(`${issuer.url}/oauth2/token`, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token!,
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('puts each seeded account in its own group', async () => {
    const { tokens } = await signIn(issuer, 'Admin@LearnTrac.local', 'learntrac-admin');
    expect(decodeJwt(tokens.id_token!)['cognito:groups']).toEqual(['admins']);
    const instructor = await signIn(issuer, 'instructor@learntrac.local', 'learntrac-instructor');
    expect(decodeJwt(instructor.tokens.access_token!)['cognito:groups']).toEqual(['instructors']);
  });

  it('shows a clear error and keeps the email when the password is wrong', async () => {
    const browser = new Browser();
    const { page, html } = await openLoginForm(issuer, browser, pkcePair().challenge);
    expect(html).toContain('<label for="email">Email</label>');
    expect(html).toContain('<label for="password">Password</label>');
    const rejected = await submitLogin(browser, page, {
      email: 'learner@learntrac.local',
      password: 'wrong',
    });
    expect(rejected.status).toBe(401);
    const body = await rejected.text();
    expect(body).toContain('role="alert">Incorrect email or password.');
    expect(body).toContain('value="learner@learntrac.local"');
  });

  it('forbids framing its sign-in form and sends its other security headers', async () => {
    const { page } = await openLoginForm(issuer, new Browser(), pkcePair().challenge);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const discovery = await fetch(`${issuer.url}/.well-known/openid-configuration`);
    expect(discovery.headers.get('x-frame-options')).toBe('DENY');
  });

  it('refuses an authorization request without PKCE', async () => {
    const authorize = new URL(`${issuer.url}/oauth2/authorize`);
    authorize.search = new URLSearchParams({
      client_id: client.clientId,
      response_type: 'code',
      redirect_uri: callback,
      scope: 'openid',
    }).toString();
    const response = await fetch(authorize, { redirect: 'manual' });
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  async function signOut(browser: Browser, logout: URL): Promise<Response> {
    const page = await browser.request(logout.href);
    expect(page.status).toBe(200);
    const html = await page.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const fields = new URLSearchParams();
    for (const [, name, value] of html.matchAll(
      /<input type="hidden" name="([^"]+)" value="([^"]*)"/g,
    )) {
      fields.set(name!, value!);
    }
    expect(fields.get('logout')).toBe('yes');
    return browser.request(new URL(action!, issuer.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: fields.toString(),
    });
  }

  it('signs out through the Cognito-style logout URL and returns to the app', async () => {
    const { browser } = await signIn(issuer, 'learner@learntrac.local', 'learntrac-learner');
    const logout = new URL(`${issuer.url}/logout`);
    logout.search = new URLSearchParams({
      client_id: client.clientId,
      logout_uri: 'http://localhost:8000/',
    }).toString();
    const confirmed = await signOut(browser, logout);
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe('http://localhost:8000/');

    // The session is gone: the next sign-in asks for the password again.
    const { html: again } = await openLoginForm(issuer, browser, pkcePair().challenge);
    expect(again).toContain('Sign in to LearnTrac');
  });

  it('signs out through end_session with the id token as hint', async () => {
    const { browser, tokens } = await signIn(issuer, 'admin@learntrac.local', 'learntrac-admin');
    const logout = new URL(`${issuer.url}/logout`);
    logout.search = new URLSearchParams({
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: 'http://localhost:8000/',
    }).toString();
    const confirmed = await signOut(browser, logout);
    expect(confirmed.headers.get('location')).toBe('http://localhost:8000/');
  });

  it('refuses to send the user to an unregistered address after sign-out', async () => {
    const logout = new URL(`${issuer.url}/logout`);
    logout.search = new URLSearchParams({
      client_id: client.clientId,
      logout_uri: 'https://elsewhere.example/',
    }).toString();
    const response = await fetch(logout);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('post_logout_redirect_uri');
  });
});

describe('signing keys', () => {
  it('survive a restart when kept in a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'learntrac-oidc-'));
    try {
      const keysFile = join(dir, 'oidc', 'signing-keys.json');
      const kids: string[] = [];
      for (let run = 0; run < 2; run += 1) {
        const issuer = await startIssuer({ port: 0, clients: [client], keysFile });
        const { keys } = (await (await fetch(`${issuer.url}/.well-known/jwks.json`)).json()) as {
          keys: { kid: string }[];
        };
        kids.push(keys[0]!.kid);
        await issuer.stop();
      }
      expect(kids[0]).toBe(kids[1]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
