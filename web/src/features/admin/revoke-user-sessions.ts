import { endUserSessions } from '@/core/auth/session-lifetime';
import type { SessionRevocations } from '@/core/auth/session-revocations';
import { AppError } from '@/core/errors/app-error';
import { assertAdmin, readName } from '@/core/forms/admin-error';

/**
 * Signs a user out everywhere: every session they have now ends on its next request, on every
 * web server. Signing in again afterwards works (to keep someone out, revoke their grants or
 * disable them at the issuer).
 */
export async function revokeUserSessions(options: {
  permissions: ReadonlySet<string>;
  username: string;
  revocations: SessionRevocations;
  nowSeconds?: number;
}): Promise<{ username: string }> {
  assertAdmin(options.permissions);
  const username = readName(options.username, 'A user', 'username');
  try {
    await endUserSessions({
      username,
      revocations: options.revocations,
      nowSeconds: options.nowSeconds,
    });
  } catch {
    // Redis is down: say so rather than pretend the sessions ended.
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      `The sessions of ${username} could not be ended: the session store is not answering. Try again.`,
    );
  }
  return { username };
}
