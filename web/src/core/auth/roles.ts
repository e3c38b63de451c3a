/** LearnTrac's roles, one per Cognito group that grants one. */
export type Role = 'admin' | 'instructor' | 'learner';

export type Permission =
  | 'WIKI_VIEW'
  | 'WIKI_CREATE'
  | 'WIKI_MODIFY'
  | 'WIKI_RENAME'
  | 'WIKI_DELETE'
  | 'WIKI_ADMIN'
  | 'TIMELINE_VIEW'
  | 'ROADMAP_VIEW'
  | 'MILESTONE_VIEW'
  | 'MILESTONE_CREATE'
  | 'MILESTONE_MODIFY'
  | 'MILESTONE_DELETE'
  | 'MILESTONE_ADMIN'
  | 'TICKET_VIEW'
  | 'TICKET_CREATE'
  | 'TICKET_MODIFY'
  | 'REPORT_VIEW'
  | 'REPORT_SQL_VIEW'
  | 'REPORT_CREATE'
  | 'REPORT_MODIFY'
  | 'REPORT_DELETE'
  | 'SEARCH_VIEW'
  | 'LEARNING_VIEW'
  | 'LEARNING_MANAGE'
  | 'TRAC_ADMIN';

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

/** What anyone may do without signing in: Trac's default grants to `anonymous`. */
const ANONYMOUS: readonly Permission[] = [
  'WIKI_VIEW',
  'TIMELINE_VIEW',
  'ROADMAP_VIEW',
  'MILESTONE_VIEW',
  'TICKET_VIEW',
  'REPORT_VIEW',
  'REPORT_SQL_VIEW',
  'SEARCH_VIEW',
];

/** Added for any signed-in user, as Trac grants `authenticated`. */
const AUTHENTICATED: readonly Permission[] = ['LEARNING_VIEW'];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  learner: ['TICKET_CREATE'],
  instructor: [
    'TICKET_CREATE',
    'TICKET_MODIFY',
    'WIKI_CREATE',
    'WIKI_MODIFY',
    'WIKI_RENAME',
    'WIKI_DELETE',
    'MILESTONE_CREATE',
    'MILESTONE_MODIFY',
    'MILESTONE_DELETE',
    'MILESTONE_ADMIN',
    'REPORT_CREATE',
    'REPORT_MODIFY',
    'LEARNING_MANAGE',
  ],
  admin: ['TRAC_ADMIN', 'WIKI_ADMIN', 'REPORT_DELETE'],
};

const ALL_PERMISSIONS: readonly Permission[] = [
  ...ANONYMOUS,
  ...AUTHENTICATED,
  ...ROLE_PERMISSIONS.learner,
  ...ROLE_PERMISSIONS.instructor,
  ...ROLE_PERMISSIONS.admin,
];

/** The permissions of a visitor: `null` roles mean not signed in. TRAC_ADMIN implies all. */
export function listPermissions(roles: readonly Role[] | null): Set<Permission> {
  const granted = new Set<Permission>(ANONYMOUS);
  if (roles === null) return granted;
  for (const permission of AUTHENTICATED) granted.add(permission);
  for (const role of roles) {
    for (const permission of ROLE_PERMISSIONS[role]) granted.add(permission);
  }
  if (granted.has('TRAC_ADMIN')) return new Set(ALL_PERMISSIONS);
  return granted;
}
