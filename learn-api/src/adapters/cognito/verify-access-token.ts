import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import type { TokenIdentity } from '../../auth/user.js';
import { ApiError } from '../../errors/api-error.js';

/**
 * How far the issuer's clock may run ahead of ours. A token claiming to be issued later than
 * that was not made by an honest issuer with a sane clock, whatever its signature says.
 */
export const MAX_CLOCK_SKEW_SECONDS = 60;
/** Cognito access tokens live at most a day; nothing older can be genuine and unexpired. */
const MAX_TOKEN_AGE = '1d';

export type VerifyAccessToken = (token: string) => Promise<TokenIdentity>;

export interface CreateTokenVerifierInput {
  /** The user pool issuer, e.g. https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc. */
  issuer: string;
  /** App client ids whose tokens this API accepts. */
  clientIds: readonly string[];
}

/**
 * Verifies Cognito access tokens against the issuer's published keys (fetched once and
 * cached by jose; an unknown key id triggers one refetch, which covers key rotation).
 * Only access tokens are accepted: they are what Cognito issues for calling APIs, and an
 * id token's audience is the client that signed in, not this API.
 */
export function createTokenVerifier({
  issuer,
  clientIds,
}: CreateTokenVerifierInput): VerifyAccessToken {
  const keys = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
  const accepted = new Set(clientIds);

  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'iat', 'sub'],
        // Checking the age is what makes jose refuse an `iat` in the future.
        maxTokenAge: MAX_TOKEN_AGE,
        clockTolerance: MAX_CLOCK_SKEW_SECONDS,
      }));
    } catch (error) {
      throw toApiError(error);
    }
    if (payload.token_use !== 'access') {
      throw new ApiError('UNAUTHORIZED', 'An access token is required');
    }
    const clientId = payload.client_id;
    if (typeof clientId !== 'string' || !accepted.has(clientId)) {
      throw new ApiError(
        'UNAUTHORIZED',
        'The token was issued to a client this API does not accept',
      );
    }
    return {
      sub: payload.sub!,
      username: typeof payload.username === 'string' ? payload.username : payload.sub!,
      email: typeof payload.email === 'string' ? payload.email : null,
      groups: stringArray(payload['cognito:groups']),
      clientId,
    };
  };
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

function toApiError(error: unknown): ApiError {
  if (error instanceof errors.JWTExpired)
    return new ApiError('UNAUTHORIZED', 'The token has expired');
  if (
    error instanceof errors.JWTClaimValidationFailed &&
    error.claim === 'iat' &&
    error.reason === 'check_failed'
  ) {
    return new ApiError('UNAUTHORIZED', 'The token is not valid: it was issued in the future');
  }
  // The plain JOSEError (ERR_JOSE_GENERIC) is what jose throws for a bad key-set answer; the
  // subclasses describe the token itself. A network failure is not a JOSEError at all.
  const issuerTrouble =
    !(error instanceof errors.JOSEError) ||
    error.code === 'ERR_JOSE_GENERIC' ||
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid;
  if (issuerTrouble) {
    return new ApiError('SERVICE_UNAVAILABLE', 'The token issuer keys could not be fetched', {
      cause: error,
    });
  }
  return new ApiError('UNAUTHORIZED', 'The token is not valid');
}
