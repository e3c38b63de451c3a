import type { PermissionAction } from '@learntrac/db/permissions';

/** Who a verified access token says the caller is. */
export interface TokenIdentity {
  sub: string;
  /** The Cognito user name: the caller's subject in Trac's `permission` table. */
  username: string;
  email: string | null;
  /** `cognito:groups`: the group subjects (`admins`, `instructors`, `learners`, ...). */
  groups: string[];
  clientId: string;
}

/** The signed-in caller, with what the `permission` table lets them do on this request. */
export interface AuthUser extends TokenIdentity {
  permissions: ReadonlySet<PermissionAction>;
}
