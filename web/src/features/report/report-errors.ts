import type { Permission } from '@/core/auth/roles';
import { permissionError } from '@/core/errors/app-error';
import type { Viewer } from '@/core/feature';
export function assertReportPermission(actor: Viewer, permission: Permission) {
  if (!actor.permissions.has(permission) && !actor.permissions.has('TRAC_ADMIN')) {
    throw permissionError(permission);
  }
}
