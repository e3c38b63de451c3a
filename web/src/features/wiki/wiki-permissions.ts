import type { Permission } from '@/core/auth/roles';
import type { Viewer } from '@/core/feature';
import { WikiPermissionError } from './wiki-errors';

/** Throws unless the viewer holds `permission`; WIKI_ADMIN implies every wiki permission. */
export function assertWikiPermission(viewer: Viewer, permission: Permission, what: string) {
  if (viewer.permissions.has(permission) || viewer.permissions.has('WIKI_ADMIN')) return;
  throw new WikiPermissionError(permission, what);
}

export function hasWikiPermission(viewer: Viewer, permission: Permission): boolean {
  return viewer.permissions.has(permission) || viewer.permissions.has('WIKI_ADMIN');
}
