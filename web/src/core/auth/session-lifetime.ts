import type { SessionRevocations } from './session-revocations';

/**
 * How long a sign-in lasts. A session left unused for 8 hours (a working day's gap: lunch, a
 * meeting, an afternoon away) ends; any session ends 12 hours after sign-in whatever its use,
 * so a cookie copied from a shared or lost machine is worthless by the next day, while nobody
 * is signed out in the middle of a normal working day. The library's default of 30 days kept
 * a stolen cookie useful for a month.
 */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;

/** What the sealed session cookie records about the sign-in itself. */
export interface SessionMarks {
  /** Names the sign-in, so that signing out can end it on the server. */
  sessionId?: string;
  /** When the person signed in, in seconds since the epoch. */
  signedInAt?: number;
  /** Trac's name for the person, under which an admin can end all their sessions. */
  username?: string;
}

/** The session may not be used any more; next-auth then clears the cookie. */
export class SessionEndedError extends Error {
  override name = 'SessionEndedError';
}

const nowInSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Throws SessionEndedError unless the session is still good: marked at sign-in, younger than
 * the absolute lifetime and not signed out. When the revocation list cannot be read (Redis
 * down) the session stays usable and `onListUnavailable` hears why: refusing every signed-in
 * request during an outage would take the whole site down with the cache.
 */
export async function assertSessionLive(options: {
  token: SessionMarks;
  revocations: SessionRevocations;
  nowSeconds?: number;
  onListUnavailable: (error: unknown) => void;
}): Promise<void> {
  const { token, revocations } = options;
  const now = options.nowSeconds ?? nowInSeconds();
  if (!token.sessionId || typeof token.signedInAt !== 'number') {
    throw new SessionEndedError('The session predates sign-in marks; sign in again.');
  }
  if (now - token.signedInAt >= SESSION_ABSOLUTE_SECONDS) {
    throw new SessionEndedError('The session is older than its lifetime; sign in again.');
  }
  let revoked: boolean;
  let userRevokedAt: number | undefined;
  try {
    [revoked, userRevokedAt] = await Promise.all([
      revocations.isRevoked(token.sessionId),
      token.username ? revocations.userRevokedAt(token.username) : undefined,
    ]);
  } catch (error) {
    options.onListUnavailable(error);
    return;
  }
  if (revoked) throw new SessionEndedError('The session was signed out.');
  // Within the second of the revocation a sign-in cannot be told apart: it ends too.
  if (userRevokedAt !== undefined && token.signedInAt <= userRevokedAt) {
    throw new SessionEndedError("An administrator ended this user's sessions.");
  }
}

/** Ends every session the user has now, on their next request, wherever it is used. */
export async function endUserSessions(options: {
  username: string;
  revocations: SessionRevocations;
  nowSeconds?: number;
}): Promise<void> {
  // Sessions begun before now all end within the absolute lifetime: remember it that long.
  await options.revocations.revokeUser({
    username: options.username,
    atSeconds: options.nowSeconds ?? nowInSeconds(),
    ttlSeconds: SESSION_ABSOLUTE_SECONDS,
  });
}

/** Ends the session for every copy of its cookie, for as long as the cookie could live. */
export async function endSession(options: {
  token: SessionMarks;
  revocations: SessionRevocations;
  nowSeconds?: number;
}): Promise<void> {
  const { token, revocations } = options;
  if (!token.sessionId || typeof token.signedInAt !== 'number') return;
  const left = token.signedInAt + SESSION_ABSOLUTE_SECONDS - (options.nowSeconds ?? nowInSeconds());
  if (left > 0) await revocations.revoke({ sessionId: token.sessionId, ttlSeconds: left });
}
