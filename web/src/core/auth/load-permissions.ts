import type { Database } from '@/core/db/database';
import type { PermissionGrant, PermissionSubject } from './permission-policy';
import { resolvePermissions } from './permission-policy';
import type { Permission } from './roles';

/** How long the grants read from the table are reused; an admin's edit in this process clears it. */
const CACHE_MILLIS = 5_000;

let cached: { at: number; grants: Promise<PermissionGrant[]> } | undefined;

/** Every row of Trac's `permission` table, reused for a few seconds across requests. */
export function loadPermissionGrants(options: {
  db: Database;
  now?: number;
}): Promise<PermissionGrant[]> {
  const now = options.now ?? Date.now();
  if (!cached || now - cached.at > CACHE_MILLIS) {
    const grants = Promise.resolve(
      options.db.$queryRaw<PermissionGrant[]>`SELECT username, action FROM permission`,
    );
    cached = { at: now, grants };
    // A failed read is not kept: the next request tries again.
    grants.catch(() => {
      if (cached?.grants === grants) cached = undefined;
    });
  }
  return cached.grants;
}

/** Forgets the cached grants, so the next request sees a change just written. */
export function clearPermissionCache(): void {
  cached = undefined;
}

/** What a visitor may do under the grants in the `permission` table. */
export async function loadPermissions(options: {
  db: Database;
  subject: PermissionSubject;
}): Promise<Set<Permission>> {
  const grants = await loadPermissionGrants({ db: options.db });
  return resolvePermissions({ grants, subject: options.subject }) as Set<Permission>;
}
