import type { Permission } from '@/core/auth/roles';
import { permissionError } from '@/core/errors/app-error';
import type { Viewer } from '@/core/feature';

/** Throws unless the viewer holds `permission`; WIKI_ADMIN implies every wiki permission. */
export function assertWikiPermission(viewer: Viewer, permission: Permission, what: string) {
  if (viewer.permissions.has(permission) || viewer.permissions.has('WIKI_ADMIN')) return;
  throw permissionError(permission, `${permission} privileges are required to ${what}.`);
}

export function hasWikiPermission(viewer: Viewer, permission: Permission): boolean {
  return viewer.permissions.has(permission) || viewer.permissions.has('WIKI_ADMIN');
}
