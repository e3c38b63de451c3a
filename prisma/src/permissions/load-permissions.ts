import {
  listDirectSubjects,
  type PermissionAction,
  type PermissionGrant,
  type PermissionSubject,
  resolvePermissions,
} from './permission-policy.js';

/** The part of a Prisma client (or transaction) the loader uses; narrower clients fit too. */
export interface PermissionReader {
  $queryRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<PermissionGrant[]>;
}

/**
 * What a visitor may do under the grants in Trac's `permission` table, read afresh on every
 * call: a grant or revoke is seen by the next request of every process, with no cache to go
 * stale. One indexed query reads only the rows that can apply (those of the visitor's
 * subjects and of every group reachable from them); the policy then resolves them exactly as
 * it would the whole table.
 */
export async function loadPermissions(options: {
  db: PermissionReader;
  subject: PermissionSubject;
}): Promise<Set<PermissionAction>> {
  const grants = await options.db.$queryRaw`
    WITH RECURSIVE reachable(subject) AS (
      SELECT unnest(${listDirectSubjects(options.subject)}::text[])
      UNION
      SELECT permission.action
      FROM permission JOIN reachable ON permission.username = reachable.subject
    )
    SELECT permission.username, permission.action
    FROM permission JOIN reachable ON permission.username = reachable.subject`;
  return resolvePermissions({ grants, subject: options.subject });
}
