import 'server-only';
import { loadPermissions, type PermissionGrant } from '@learntrac/db/permissions';
import { forbidden, redirect } from 'next/navigation';
import { getServerSession, type Session } from 'next-auth';
import { cache } from 'react';
import { getDb, sql } from '@/core/db';
import type { Viewer } from '@/core/feature';
import { getAuthOptions } from './auth-options';
import type { Permission } from './roles';
import { safeReturnPath } from './safe-return-path';

/** The session's user, as next-auth.d.ts declares it. */
export type CurrentUser = Session['user'];

/** The signed-in user, or null. Cached for the duration of one request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(getAuthOptions());
  if (!session?.user?.id) return null;
  return session.user;
});

/**
 * The current user with what they may do: the grants of Trac's `permission` table to their
 * user name, their groups, `authenticated` and `anonymous`, meta-permissions expanded.
 */
export const getViewer = cache(async (): Promise<Viewer & { user: CurrentUser | null }> => {
  const user = await getCurrentUser();
  const db = getDb();
  const permissions = await loadPermissions({
    db: { $queryRaw: (strings, ...values) => db.query<PermissionGrant>(sql(strings, ...values)) },
    subject: user
      ? { username: user.username, groups: user.groups }
      : { username: null, groups: [] },
  });
  return { user, name: user?.username || null, permissions };
});

/**
 * Stops rendering unless the viewer holds `permission`: anonymous visitors are sent to sign in
 * and come back to `returnTo`; signed-in users without it see the 403 page.
 */
export async function requirePermission(permission: Permission, returnTo: string) {
  const viewer = await getViewer();
  if (viewer.permissions.has(permission)) return viewer;
  if (!viewer.user) redirect(`/login?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
  forbidden();
}
