import type { Database } from '@/core/db/database';

export interface PermissionGrant {
  username: string;
  action: string;
}

/** The grants stored in Trac's `permission` table (users, groups and `anonymous`). */
export function listPermissionGrants(options: { db: Database }): PromiseLike<PermissionGrant[]> {
  return options.db.$queryRaw<PermissionGrant[]>`
    SELECT username, action FROM permission ORDER BY username, action`;
}
