/**
 * Trac's permission model, as pure functions: the `permission` table holds (subject, action)
 * rows; a subject is a user name, `anonymous`, `authenticated` or a group; a row whose action
 * is not an upper-case action name makes the subject a member of that group. Meta-permissions
 * (TRAC_ADMIN, TICKET_ADMIN, ...) imply the actions below them.
 */

/** Every action LearnTrac knows, grouped as the admin's permission page lists them. */
export const PERMISSION_ACTIONS = [
  'TICKET_VIEW',
  'TICKET_CREATE',
  'TICKET_APPEND',
  'TICKET_CHGPROP',
  'TICKET_MODIFY',
  'TICKET_EDIT_CC',
  'TICKET_EDIT_DESCRIPTION',
  'TICKET_EDIT_COMMENT',
  'TICKET_BATCH_MODIFY',
  'TICKET_ADMIN',
  'MILESTONE_VIEW',
  'MILESTONE_CREATE',
  'MILESTONE_MODIFY',
  'MILESTONE_DELETE',
  'MILESTONE_ADMIN',
  'ROADMAP_VIEW',
  'REPORT_VIEW',
  'REPORT_SQL_VIEW',
  'REPORT_CREATE',
  'REPORT_MODIFY',
  'REPORT_DELETE',
  'REPORT_ADMIN',
  'WIKI_VIEW',
  'WIKI_CREATE',
  'WIKI_MODIFY',
  'WIKI_RENAME',
  'WIKI_DELETE',
  'WIKI_ADMIN',
  'TIMELINE_VIEW',
  'SEARCH_VIEW',
  'PERMISSION_GRANT',
  'PERMISSION_REVOKE',
  'PERMISSION_ADMIN',
  'LEARNING_VIEW',
  'LEARNING_ANSWER',
  'LEARNING_PROGRESS_OWN',
  'LEARNING_PROGRESS_ALL',
  'LEARNING_MANAGE',
  'LEARNING_INGEST',
  'LEARNING_REVIEW',
  'TRAC_ADMIN',
] as const;

export type PermissionAction = (typeof PERMISSION_ACTIONS)[number];

/** What each meta-permission grants besides itself (Trac's own hierarchy, plus learning). */
export const PERMISSION_IMPLIES: Readonly<Partial<Record<PermissionAction, PermissionAction[]>>> = {
  TICKET_ADMIN: [
    'TICKET_VIEW',
    'TICKET_CREATE',
    'TICKET_MODIFY',
    'TICKET_EDIT_CC',
    'TICKET_EDIT_DESCRIPTION',
    'TICKET_EDIT_COMMENT',
    'TICKET_BATCH_MODIFY',
  ],
  TICKET_MODIFY: ['TICKET_APPEND', 'TICKET_CHGPROP'],
  MILESTONE_ADMIN: ['MILESTONE_VIEW', 'MILESTONE_CREATE', 'MILESTONE_MODIFY', 'MILESTONE_DELETE'],
  REPORT_ADMIN: [
    'REPORT_VIEW',
    'REPORT_SQL_VIEW',
    'REPORT_CREATE',
    'REPORT_MODIFY',
    'REPORT_DELETE',
  ],
  WIKI_ADMIN: ['WIKI_VIEW', 'WIKI_CREATE', 'WIKI_MODIFY', 'WIKI_RENAME', 'WIKI_DELETE'],
  PERMISSION_ADMIN: ['PERMISSION_GRANT', 'PERMISSION_REVOKE'],
  LEARNING_MANAGE: ['LEARNING_VIEW'],
};

/** Trac tells actions from group names by case: actions are upper-case words. */
export function isPermissionAction(name: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(name);
}

const KNOWN_ACTIONS: ReadonlySet<string> = new Set(PERMISSION_ACTIONS);

/** An action LearnTrac checks; rows naming other actions (say, left by a Trac plugin) grant nothing here. */
export function isKnownPermissionAction(name: string): name is PermissionAction {
  return KNOWN_ACTIONS.has(name);
}

export interface PermissionGrant {
  /** User name or group (`anonymous`, `authenticated`, `admins`, `developers`, ...). */
  username: string;
  /** An action, or a group name the subject is made a member of. */
  action: string;
}

/** Who a visitor is, for permission purposes. */
export interface PermissionSubject {
  /** The user name; `null` for an anonymous visitor. */
  username: string | null;
  /** Groups from the sign-in service (Cognito groups). */
  groups: readonly string[];
}

/**
 * The subjects whose grants apply: the user, `anonymous` (everyone), `authenticated` (anyone
 * signed in), their sign-in groups, and every group those are members of, transitively.
 */
export function listSubjects(options: {
  grants: readonly PermissionGrant[];
  subject: PermissionSubject;
}): Set<string> {
  const { grants, subject } = options;
  const memberships = new Map<string, string[]>();
  for (const grant of grants) {
    if (isPermissionAction(grant.action)) continue;
    const list = memberships.get(grant.username) ?? [];
    list.push(grant.action);
    memberships.set(grant.username, list);
  }
  return reachableFrom(listDirectSubjects(subject), (name) => memberships.get(name) ?? []);
}

/** The subjects a visitor is before any membership stored in the table is followed. */
export function listDirectSubjects(subject: PermissionSubject): string[] {
  if (subject.username === null) return ['anonymous'];
  return ['anonymous', 'authenticated', subject.username, ...subject.groups];
}

/** Adds what the meta-permissions imply; TRAC_ADMIN implies every known action. */
export function expandPermissions(held: Iterable<PermissionAction>): Set<PermissionAction> {
  return reachableFrom<PermissionAction>(held, (action) => [
    ...(action === 'TRAC_ADMIN' ? PERMISSION_ACTIONS : []),
    ...(PERMISSION_IMPLIES[action] ?? []),
  ]);
}

/** Everything `start` leads to through `next`, itself included; cycles end the walk. */
function reachableFrom<T extends string>(
  start: Iterable<T>,
  next: (name: T) => readonly T[],
): Set<T> {
  const reached = new Set<T>();
  const pending = [...start];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (reached.has(name)) continue;
    reached.add(name);
    pending.push(...next(name));
  }
  return reached;
}

/** The actions a visitor holds under the given grants, meta-permissions expanded. */
export function resolvePermissions(options: {
  grants: readonly PermissionGrant[];
  subject: PermissionSubject;
}): Set<PermissionAction> {
  const subjects = listSubjects(options);
  const held = options.grants
    .filter((grant) => subjects.has(grant.username))
    .map((grant) => grant.action)
    .filter(isKnownPermissionAction);
  return expandPermissions(held);
}
