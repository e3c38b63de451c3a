import type { Permission, Role } from './roles.js';

/** The signed-in caller, as established from a verified access token. */
export interface AuthUser {
  sub: string;
  username: string;
  email: string | null;
  groups: string[];
  roles: Role[];
  permissions: Permission[];
  clientId: string;
}
