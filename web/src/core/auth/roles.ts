import { type PermissionAction, resolvePermissions } from '@learntrac/db/permissions';
import { DEFAULT_PERMISSIONS } from '@learntrac/db/seed';

/** LearnTrac's roles, one per Cognito group that grants one. */
export type Role = 'admin' | 'instructor' | 'learner';

/** A Trac permission action (`@learntrac/db/permissions` holds the list and its hierarchy). */
export type Permission = PermissionAction;

const GROUP_ROLES: Record<string, Role> = {
  admins: 'admin',
  instructors: 'instructor',
  learners: 'learner',
};

/** Maps Cognito groups to roles; unknown groups grant nothing. Ordered most powerful first. */
export function mapGroupsToRoles(groups: readonly string[]): Role[] {
  const roles = new Set<Role>();
  for (const group of groups) {
    const role = GROUP_ROLES[group];
    if (role) roles.add(role);
  }
  return (['admin', 'instructor', 'learner'] as const).filter((role) => roles.has(role));
}

const ROLE_GROUPS: Record<Role, string> = {
  admin: 'admins',
  instructor: 'instructors',
  learner: 'learners',
};

/**
 * What the site's default grants (the seeded `permission` rows) give a visitor with these
 * roles; `null` means not signed in. The running app resolves from the table itself (see
 * `loadPermissions`), so an admin's changes apply; this is the same rule over the defaults.
 */
export function listPermissions(roles: readonly Role[] | null): Set<Permission> {
  const grants = permissionRows();
  const subject = roles
    ? { username: `${roles[0] ?? 'member'}-user`, groups: roles.map((role) => ROLE_GROUPS[role]) }
    : { username: null, groups: [] };
  return resolvePermissions({ grants, subject });
}

function permissionRows() {
  return Object.entries(DEFAULT_PERMISSIONS).flatMap(([username, actions]) =>
    actions.map((action) => ({ username, action })),
  );
}
