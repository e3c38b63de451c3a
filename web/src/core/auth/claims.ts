const GROUPS_CLAIM = 'cognito:groups';
const USERNAME_CLAIM = 'cognito:username';

/**
 * The `cognito:groups` claim from an OIDC profile (the id_token's claims) or from a raw JWT.
 * Returns undefined when the claim is absent, so callers can fall back to another source.
 */
export function readGroups(source: unknown): string[] | undefined {
  const claims = typeof source === 'string' ? decodeJwtClaims(source) : source;
  if (!claims || typeof claims !== 'object') return undefined;
  const value = (claims as Record<string, unknown>)[GROUPS_CLAIM];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  // Some issuers send a single group as a plain string.
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return undefined;
}

/**
 * The Cognito user name (`cognito:username` in id tokens, `username` in access tokens): the
 * name Trac records as reporter, owner and author, the same one learn-api sees.
 */
export function readUsername(source: unknown): string | undefined {
  const claims = typeof source === 'string' ? decodeJwtClaims(source) : source;
  if (!claims || typeof claims !== 'object') return undefined;
  const record = claims as Record<string, unknown>;
  const value = record[USERNAME_CLAIM] ?? record.username;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The payload of a JWT, without verifying it: only for tokens next-auth has already checked. */
function decodeJwtClaims(jwt: string): unknown {
  const payload = jwt.split('.')[1];
  if (!payload) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
