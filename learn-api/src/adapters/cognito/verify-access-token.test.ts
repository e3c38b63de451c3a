import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../errors/api-error.js';
import { type JwksServer, startJwksServer } from '../../test-support/jwks-server.js';
import { createTokenVerifier, MAX_CLOCK_SKEW_SECONDS } from './verify-access-token.js';

let jwks: JwksServer;
let verify: ReturnType<typeof createTokenVerifier>;

beforeAll(async () => {
  jwks = await startJwksServer();
  verify = createTokenVerifier({ issuer: jwks.issuer, clientIds: [jwks.clientId] });
});
afterAll(async () => {
  await jwks.close();
});

async function refusal(token: string): Promise<ApiError> {
  const error = await verify(token).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('the issue time of an access token', () => {
  it('accepts a token from an issuer whose clock runs a little ahead', async () => {
    const token = await jwks.signToken({ issuedIn: MAX_CLOCK_SKEW_SECONDS - 20 });
    expect((await verify(token)).clientId).toBe(jwks.clientId);
  });

  it('refuses a token issued further in the future than the allowed clock skew', async () => {
    const token = await jwks.signToken({ issuedIn: MAX_CLOCK_SKEW_SECONDS + 60, expiresIn: 3600 });
    const error = await refusal(token);
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toBe('The token is not valid: it was issued in the future');
  });

  it('refuses a token issued years ahead, however long it claims to last', async () => {
    const year = 365 * 24 * 3600;
    const token = await jwks.signToken({ issuedIn: year, expiresIn: 2 * year });
    expect((await refusal(token)).code).toBe('UNAUTHORIZED');
  });

  it('refuses a token issued more than a day ago even if it has not expired', async () => {
    const day = 24 * 3600;
    const token = await jwks.signToken({ issuedIn: -2 * day, expiresIn: 3600 });
    expect((await refusal(token)).code).toBe('UNAUTHORIZED');
  });
});
