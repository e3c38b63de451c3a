import type { PermissionAction } from '@learntrac/db/permissions';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { loadAuthUser } from '../auth/load-auth-user.js';
import { assertUserCan } from '../auth/user-can.js';
import { ApiError } from '../errors/api-error.js';

/** Establishes the caller from `Authorization: Bearer <access token>`, or answers 401. */
export const requireAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  await authenticate(c);
  await next();
};

/** Signed in and granted the action by the `permission` table (directly, by group or implied). */
export function requirePermission(action: PermissionAction): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    assertUserCan(await authenticate(c), action);
    await next();
  };
}

async function authenticate(c: Context<AppEnv>) {
  // Stacked auth middleware on one route verify the token and read the table once.
  const known = c.get('user');
  if (known) return known;
  const header = c.req.header('authorization');
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) throw new ApiError('UNAUTHORIZED', 'Sign in: a Bearer access token is required');
  const deps = c.get('deps');
  const identity = await deps.verifyAccessToken(match[1]!);
  const user = await loadAuthUser({ db: deps.db, identity });
  c.set('user', user);
  return user;
}
