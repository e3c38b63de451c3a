import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

export interface TokenOptions {
  /** Claims to add or override on a valid access token. */
  claims?: JWTPayload & Record<string, unknown>;
  /** Seconds until expiry; negative for an expired token. */
  expiresIn?: number;
  /** Seconds from now to the `iat` claim; positive for a token issued in the future. */
  issuedIn?: number;
  /** Sign with a key the issuer does not publish. */
  unpublishedKey?: boolean;
}

/** A real issuer key set served over HTTP on loopback, and tokens signed with its key. */
export async function startJwksServer() {
  const published = await generateKeyPair('RS256', { extractable: true });
  const unpublished = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(published.publicKey)), kid, alg: 'RS256', use: 'sig' };
  let keyRequests = 0;

  const server = createServer((req, res) => {
    if (req.url === '/.well-known/jwks.json') {
      keyRequests += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'learntrac-web';

  async function signToken({
    claims = {},
    expiresIn = 300,
    issuedIn = -5,
    unpublishedKey = false,
  }: TokenOptions = {}) {
    const now = Math.floor(Date.now() / 1000);
    const payload: JWTPayload = {
      token_use: 'access',
      client_id: clientId,
      username: 'ada',
      'cognito:groups': ['learners'],
      scope: 'openid email profile',
      auth_time: now,
      ...claims,
    };
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: unpublishedKey ? randomUUID() : kid })
      .setIssuer(typeof claims.iss === 'string' ? claims.iss : issuer)
      .setSubject(typeof claims.sub === 'string' ? claims.sub : randomUUID())
      .setIssuedAt(now + issuedIn)
      .setExpirationTime(now + expiresIn)
      .setJti(randomUUID())
      .sign(unpublishedKey ? unpublished.privateKey : published.privateKey);
  }

  return {
    issuer,
    clientId,
    signToken,
    keyRequests: () => keyRequests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type JwksServer = Awaited<ReturnType<typeof startJwksServer>>;
