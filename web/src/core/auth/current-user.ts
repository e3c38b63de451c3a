import 'server-only';
import { loadPermissions, type PermissionGrant } from '@learntrac/db/permissions';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { getServerSession, type Session } from 'next-auth';
import { cache } from 'react';
import { getDb, sql } from '@/core/db';
import { readSiteConfig } from '@/core/db/site-config';
import type { Viewer } from '@/core/feature';
import { getAuthOptions, isSessionCookieName } from './auth-options';
import type { Permission } from './roles';
import { safeReturnPath } from './safe-return-path';

/** The session's user, as next-auth.d.ts declares it. */
export type CurrentUser = Session['user'];

/** The signed-in user, or null. Cached for the duration of one request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // Without the cookie there is no session: anonymous requests skip next-auth's handler, which
  // would decode nothing but still build its configuration and a CSRF token each time.
  if (!(await cookies()).getAll().some((cookie) => isSessionCookieName(cookie.name))) return null;
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
  const subject = user
    ? { username: user.username, groups: user.groups }
    : { username: null, groups: [] };
  const permissions = await readSiteConfig({
    db,
    name: `permissions:${JSON.stringify(subject)}`,
    load: () =>
      loadPermissions({
        db: {
          $queryRaw: (strings, ...values) => db.query<PermissionGrant>(sql(strings, ...values)),
        },
        subject,
      }),
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
