import { loadPermissions, type PermissionReader } from '@learntrac/db/permissions';
import { ApiError } from '../errors/api-error.js';
import type { AuthUser, TokenIdentity } from './user.js';

/**
 * The caller with the actions Trac's `permission` table grants their user name and Cognito
 * groups, read on every request so that an admin's grant or revoke applies at once.
 */
export async function loadAuthUser(options: {
  db: PermissionReader;
  identity: TokenIdentity;
}): Promise<AuthUser> {
  const { identity } = options;
  try {
    const permissions = await loadPermissions({
      db: options.db,
      subject: { username: identity.username, groups: identity.groups },
    });
    return { ...identity, permissions };
  } catch (error) {
    throw new ApiError('SERVICE_UNAVAILABLE', 'Permissions could not be read from the database', {
      cause: error,
    });
  }
}
