import { createHash, randomBytes } from 'node:crypto';
import type { IssuerClient } from './start-issuer.js';

export interface IssuedTokens {
  access_token: string;
  id_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: string;
}

/** A cookie jar and manual redirects: what a browser does during the code flow. */
class CookieBrowser {
  private readonly cookies = new Map<string, string>();

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
      this.cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    return response;
  }
}

/**
 * Signs a user in at the issuer with the authorization code flow (PKCE), filling its sign-in
 * form as a person would, and exchanges the code at the token endpoint as the app client does.
 * For tests of code that holds real tokens (refreshing them, calling learn-api with them).
 */
export async function signInForTokens(options: {
  issuerUrl: string;
  client: IssuerClient;
  email: string;
  password: string;
}): Promise<IssuedTokens> {
  const { issuerUrl, client } = options;
  const browser = new CookieBrowser();
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = client.redirectUris[0]!;
  const authorize = new URL(`${issuerUrl}/oauth2/authorize`);
  authorize.search = new URLSearchParams({
    client_id: client.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();

  let response = await browser.request(authorize.href);
  let submitted = false;
  for (let hop = 0; hop < 20; hop += 1) {
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, response.url || issuerUrl);
      if (next.href.startsWith(redirectUri)) {
        const code = next.searchParams.get('code');
        if (!code) throw new Error(`the issuer sent no code: ${next.search}`);
        return exchangeCode({ issuerUrl, client, code, verifier, redirectUri });
      }
      response = await browser.request(next.href);
      continue;
    }
    if (response.status !== 200 || submitted) {
      throw new Error(`signing in as ${options.email} stopped at ${response.status}`);
    }
    submitted = true;
    response = await browser.request(response.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: options.email, password: options.password }).toString(),
    });
  }
  throw new Error(`signing in as ${options.email} did not finish`);
}

async function exchangeCode(options: {
  issuerUrl: string;
  client: IssuerClient;
  code: string;
  verifier: string;
  redirectUri: string;
}): Promise<IssuedTokens> {
  const { client } = options;
  const response = await fetch(`${options.issuerUrl}/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: options.code,
      redirect_uri: options.redirectUri,
      code_verifier: options.verifier,
    }).toString(),
  });
  if (!response.ok) throw new Error(`the token endpoint answered ${response.status}`);
  return (await response.json()) as IssuedTokens;
}
