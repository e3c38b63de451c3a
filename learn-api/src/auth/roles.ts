export const roles = ['admin', 'instructor', 'learner'] as const;
export type Role = (typeof roles)[number];

/** Cognito group names, as created in the user pool, for each role. */
const roleOfGroup: Record<string, Role> = {
  admins: 'admin',
  instructors: 'instructor',
  learners: 'learner',
};

export const permissions = [
  'TRAC_ADMIN',
  'PATH_VIEW',
  'PATH_VIEW_DRAFT',
  'PATH_MANAGE',
  'MATERIAL_INGEST',
  'QUESTION_REVIEW',
  'ANSWER_SUBMIT',
  'PROGRESS_VIEW_OWN',
  'PROGRESS_VIEW_ALL',
] as const;
export type Permission = (typeof permissions)[number];

const permissionsOfRole: Record<Role, readonly Permission[]> = {
  admin: permissions,
  // Instructors run the learning side in full; only administration is kept from them.
  instructor: permissions.filter((permission) => permission !== 'TRAC_ADMIN'),
  learner: ['PATH_VIEW', 'ANSWER_SUBMIT', 'PROGRESS_VIEW_OWN'],
};

/** Groups the service does not know about grant nothing. */
export function rolesFromGroups(groups: readonly string[]): Role[] {
  const found = new Set<Role>();
  for (const group of groups) {
    const role = roleOfGroup[group];
    if (role) found.add(role);
  }
  return roles.filter((role) => found.has(role));
}

export function permissionsOfRoles(granted: readonly Role[]): Permission[] {
  const found = new Set<Permission>();
  for (const role of granted)
    for (const permission of permissionsOfRole[role]) found.add(permission);
  return permissions.filter((permission) => found.has(permission));
}
