export { loadPermissions, type PermissionReader } from './load-permissions.js';
export {
  expandPermissions,
  isKnownPermissionAction,
  isPermissionAction,
  listSubjects,
  PERMISSION_ACTIONS,
  PERMISSION_IMPLIES,
  type PermissionAction,
  type PermissionGrant,
  type PermissionSubject,
  resolvePermissions,
} from './permission-policy.js';
