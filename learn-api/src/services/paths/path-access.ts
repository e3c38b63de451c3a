import type { PermissionAction } from '@learntrac/db/permissions';
import type { AuthUser } from '../../auth/user.js';
import { userCan } from '../../auth/user-can.js';
import { ApiError } from '../../errors/api-error.js';
import type { PathSummary } from './path-view.js';

/** The permissions the learning path routes and verbs check, by what they allow. */
export const pathPermissions = {
  /** See published shared paths and one's own personal paths. */
  view: 'LEARNING_VIEW',
  /** Build, edit, publish and archive shared paths; see every path. */
  manage: 'LEARNING_MANAGE',
  /** Ask for a personal path and make progress. */
  learn: 'LEARNING_ANSWER',
  /** See every learner's progress on a path. */
  progressAll: 'LEARNING_PROGRESS_ALL',
} as const satisfies Record<string, PermissionAction>;

export const managesPaths = (viewer: AuthUser) => userCan(viewer, pathPermissions.manage);

/**
 * Learners see published shared paths and their own personal paths; path managers see every
 * path. Anything else does not exist for the viewer.
 */
export function seesPath(viewer: AuthUser, path: PathSummary): boolean {
  if (managesPaths(viewer)) return true;
  if (path.kind === 'personal') return path.ownerId === viewer.sub;
  return path.status === 'published';
}

/** A path the viewer may change: managers any path, learners their own personal paths. */
export function assertEditable(viewer: AuthUser, path: PathSummary): void {
  const owns = path.kind === 'personal' && path.ownerId === viewer.sub;
  if (!managesPaths(viewer) && !owns) {
    throw new ApiError(
      'FORBIDDEN',
      `Changing a shared path needs the ${pathPermissions.manage} permission`,
    );
  }
  if (path.status === 'archived') {
    throw new ApiError('CONFLICT', `Path ${path.id} is archived: it is kept as it was`);
  }
}

export const pathNotFound = (pathId: string) => new ApiError('NOT_FOUND', `No path ${pathId}`);
