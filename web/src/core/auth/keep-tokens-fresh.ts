import {
  accessTokenNeedsRenewal,
  type IssuerClientSettings,
  type IssuerTokens,
  IssuerUnavailableError,
  renewAccessToken,
} from './renew-access-token';
import { endSession, SessionEndedError, type SessionMarks } from './session-lifetime';
import type { SessionRevocations } from './session-revocations';

/**
 * Renewals in progress or done, by session. Pages cannot rewrite the session cookie, so until a
 * response that can carries the new tokens, later requests with the old cookie reuse them here
 * rather than asking the issuer again; concurrent requests share one renewal.
 */
export type SessionRenewals = Map<string, Renewal>;

interface Renewal {
  tokens: Promise<IssuerTokens>;
  /** Set once the renewal succeeded: when its access token expires. */
  expiresAt?: number;
}

export function createSessionRenewals(): SessionRenewals {
  return new Map();
}

/**
 * The session's tokens with an access token good for at least another minute: renewed with the
 * refresh token when it is about to expire. A refusal from the issuer ends the session for
 * every copy of its cookie (SessionEndedError: the person signs in again); an issuer that cannot
 * be reached leaves the session as it is, `onIssuerUnavailable` hears why, and the next request
 * tries again.
 */
export async function keepTokensFresh<T extends IssuerTokens & SessionMarks>(options: {
  token: T;
  client: IssuerClientSettings;
  renewals: SessionRenewals;
  revocations: SessionRevocations;
  onIssuerUnavailable: (error: unknown) => void;
  nowSeconds?: number;
}): Promise<T> {
  const { token, renewals } = options;
  if (!accessTokenNeedsRenewal(token, options.nowSeconds)) return token;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const key = token.sessionId ?? token.refreshToken ?? '';
  let renewal = renewals.get(key);
  if (renewal && accessTokenNeedsRenewal({ accessTokenExpiresAt: renewal.expiresAt }, now)) {
    renewal = undefined;
  }
  if (!renewal) {
    for (const [id, done] of renewals) {
      if (done.expiresAt !== undefined && done.expiresAt <= now) renewals.delete(id);
    }
    const started: Renewal = {
      tokens: renewAccessToken({ client: options.client, tokens: token, nowSeconds: now }),
    };
    started.tokens.then(
      (tokens) => {
        started.expiresAt = tokens.accessTokenExpiresAt ?? now;
      },
      () => renewals.get(key) === started && renewals.delete(key),
    );
    renewals.set(key, started);
    renewal = started;
  }
  try {
    return { ...token, ...(await renewal.tokens) };
  } catch (error) {
    if (error instanceof IssuerUnavailableError) {
      options.onIssuerUnavailable(error);
      return token;
    }
    if (error instanceof SessionEndedError) {
      // Copies of the cookie would otherwise ask the issuer again on every request.
      await endSession({ token, revocations: options.revocations }).catch(() => {});
    }
    throw error;
  }
}
