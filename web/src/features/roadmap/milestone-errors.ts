import { AppError } from '@/core/errors/app-error';

// Trac's meta-permissions: MILESTONE_ADMIN and TRAC_ADMIN grant every milestone action.
const GRANTED_BY: readonly string[] = ['MILESTONE_ADMIN', 'TRAC_ADMIN'];

export function hasMilestonePermission(
  permissions: ReadonlySet<string>,
  permission: 'MILESTONE_VIEW' | 'MILESTONE_CREATE' | 'MILESTONE_MODIFY' | 'MILESTONE_DELETE',
): boolean {
  return permissions.has(permission) || GRANTED_BY.some((meta) => permissions.has(meta));
}

export function assertMilestonePermission(
  permissions: ReadonlySet<string>,
  permission: Parameters<typeof hasMilestonePermission>[1],
  doing: string,
): void {
  if (!hasMilestonePermission(permissions, permission)) {
    throw new AppError('FORBIDDEN', `${permission} is needed to ${doing}.`);
  }
}
