import {
  accessTokenNeedsRenewal,
  type IssuerClientSettings,
  type IssuerTokens,
  IssuerUnavailableError,
  renewAccessToken,
} from './renew-access-token';
import type { RenewedTokens } from './renewed-tokens';
import { endSession, SessionEndedError, type SessionMarks } from './session-lifetime';
import type { SessionRevocations } from './session-revocations';

/** Renewals under way in this process, by session: requests that arrive together share one. */
export type RenewalsInFlight = Map<string, Promise<IssuerTokens>>;

const nowInSeconds = () => Math.floor(Date.now() / 1000);

/**
 * The session's tokens with an access token good for at least another minute: the ones already
 * renewed for this session (`renewed`), or new ones from the issuer's refresh_token grant. A
 * refusal from the issuer ends the session for every copy of its cookie (SessionEndedError: the
 * person signs in again); an issuer that cannot be reached leaves the session as it is,
 * `onIssuerUnavailable` hears why, and the next request tries again. A store that cannot be read
 * or written only costs an extra renewal (`onStoreUnavailable`).
 */
export async function keepTokensFresh<T extends IssuerTokens & SessionMarks>(options: {
  token: T;
  client: IssuerClientSettings;
  inFlight: RenewalsInFlight;
  renewed: RenewedTokens;
  revocations: SessionRevocations;
  onIssuerUnavailable: (error: unknown) => void;
  onStoreUnavailable: (error: unknown) => void;
  nowSeconds?: number;
}): Promise<T> {
  const { token, inFlight } = options;
  const now = options.nowSeconds ?? nowInSeconds();
  if (!accessTokenNeedsRenewal(token, now) || !token.sessionId) return token;
  const { sessionId } = token;
  let renewal = inFlight.get(sessionId);
  if (!renewal) {
    renewal = renewOnce({ ...options, sessionId, now }).finally(() => inFlight.delete(sessionId));
    inFlight.set(sessionId, renewal);
  }
  try {
    return { ...token, ...(await renewal) };
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

async function renewOnce(options: {
  token: IssuerTokens;
  sessionId: string;
  now: number;
  client: IssuerClientSettings;
  renewed: RenewedTokens;
  onStoreUnavailable: (error: unknown) => void;
}): Promise<IssuerTokens> {
  const { sessionId, now, renewed } = options;
  const kept = await renewed.find(sessionId).catch((error: unknown) => {
    options.onStoreUnavailable(error);
    return undefined;
  });
  if (kept && !accessTokenNeedsRenewal(kept, now)) return kept;
  // An issuer that rotates refresh tokens accepts only the latest, which a renewal kept.
  const tokens = await renewAccessToken({
    client: options.client,
    tokens: { ...options.token, refreshToken: kept?.refreshToken ?? options.token.refreshToken },
    nowSeconds: now,
  });
  const ttlSeconds = (tokens.accessTokenExpiresAt ?? now) - now;
  if (ttlSeconds > 0) {
    await renewed
      .save({ sessionId, tokens, ttlSeconds })
      .catch((error: unknown) => options.onStoreUnavailable(error));
  }
  return tokens;
}
