import {
  isPermissionAction,
  PERMISSION_ACTIONS,
  type PermissionGrant,
} from '@learntrac/db/permissions';
import { type Database, sql } from '@/core/db';
import { AppError } from '@/core/errors/app-error';
import { assertAdmin, readName } from '@/core/forms/admin-error';

/** Every row of the `permission` table, subjects then actions in order. */
export function listPermissionGrants(options: { db: Database }): PromiseLike<PermissionGrant[]> {
  return options.db.query<PermissionGrant>(sql`
    SELECT username, action FROM permission ORDER BY username, action`);
}

interface AdminOptions {
  db: Database;
  permissions: ReadonlySet<string>;
}

/**
 * Grants an action to a subject (Trac's "Grant Permission"), or, when `action` is a group
 * name, makes the subject a member of that group ("Add Subject to Group").
 */
export async function grantPermission(
  options: AdminOptions & { subject: string; action: string },
): Promise<void> {
  assertAdmin(options.permissions);
  const subject = readName(options.subject, 'A subject', 'subject');
  const action = readName(options.action, 'A permission or group', 'action');
  if (isPermissionAction(subject)) {
    throw new AppError('INVALID_INPUT', 'The subject is not valid.', {
      fieldErrors: {
        subject: 'A user or group name cannot be written like a permission (all upper case).',
      },
    });
  }
  if (isPermissionAction(action) && !(PERMISSION_ACTIONS as readonly string[]).includes(action)) {
    throw new AppError('INVALID_INPUT', `${action} is not a permission.`, {
      fieldErrors: {
        action: `${action} is not a permission.`,
      },
    });
  }
  if (action === subject) {
    throw new AppError('INVALID_INPUT', 'A group cannot contain itself.', {
      fieldErrors: {
        action: 'A group cannot contain itself.',
      },
    });
  }
  const inserted = await options.db.transaction((tx) =>
    tx.execute(sql`
      INSERT INTO permission (username, action) VALUES (${subject}, ${action})
      ON CONFLICT DO NOTHING`),
  );
  if (inserted === 0) {
    const message = isPermissionAction(action)
      ? `${subject} already has ${action}.`
      : `${subject} is already a member of ${action}.`;
    throw new AppError('INVALID_INPUT', message, { fieldErrors: { action: message } });
  }
}

/**
 * Revokes grants and group memberships in one transaction. Refuses to leave the site with no
 * one holding TRAC_ADMIN, which would lock every admin out.
 */
export async function revokePermissions(
  options: AdminOptions & { grants: readonly PermissionGrant[] },
): Promise<{ revoked: number }> {
  assertAdmin(options.permissions);
  if (options.grants.length === 0)
    throw new AppError('INVALID_INPUT', 'Select the grants to revoke.');
  const revoked = await options.db.transaction(async (tx) => {
    let count = 0;
    for (const grant of options.grants) {
      count += await tx.execute(sql`
        DELETE FROM permission WHERE username = ${grant.username} AND action = ${grant.action}`);
    }
    const [left] = await tx.query<{ count: bigint }>(sql`
      SELECT COUNT(*) AS count FROM permission WHERE action = 'TRAC_ADMIN'`);
    if (Number(left?.count ?? 0) === 0) {
      throw new AppError(
        'INVALID_INPUT',
        'That would leave no one with TRAC_ADMIN; grant it to someone else first.',
      );
    }
    return count;
  });
  return { revoked };
}
