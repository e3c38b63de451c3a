import type { PermissionAction } from '@learntrac/db/permissions';
import { ApiError } from '../errors/api-error.js';
import type { AuthUser } from './user.js';

/** Whether the caller holds the action (meta-permissions already expanded). */
export function userCan(user: AuthUser, action: PermissionAction): boolean {
  return user.permissions.has(action);
}

/** Refuses with 403 unless the caller holds the action. */
export function assertUserCan(user: AuthUser, action: PermissionAction): void {
  if (!userCan(user, action)) {
    throw new ApiError('FORBIDDEN', `This needs the ${action} permission`);
  }
}
