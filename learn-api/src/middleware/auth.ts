import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Permission, Role } from '../auth/roles.js';
import { ApiError } from '../errors/api-error.js';

/** Establishes the caller from `Authorization: Bearer <access token>`, or answers 401. */
export const requireAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('authorization');
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) throw new ApiError('UNAUTHORIZED', 'Sign in: a Bearer access token is required');
  c.set('user', await c.get('deps').verifyAccessToken(match[1]!));
  await next();
};

/** Signed in and holding at least one of the roles. */
export function requireRole(...allowed: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await requireAuth(c, async () => {});
    const user = c.get('user');
    if (!user.roles.some((role) => allowed.includes(role))) {
      throw new ApiError('FORBIDDEN', `This needs one of the roles: ${allowed.join(', ')}`);
    }
    await next();
  };
}

/** Signed in and granted the permission through one of the caller's roles. */
export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await requireAuth(c, async () => {});
    if (!c.get('user').permissions.includes(permission)) {
      throw new ApiError('FORBIDDEN', `This needs the ${permission} permission`);
    }
    await next();
  };
}
