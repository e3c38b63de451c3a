import type { Permission } from '@/core/auth/roles';
import type { Viewer } from '@/core/feature';
/** A report that cannot run as written: bad SQL, a missing variable, a timeout. Shown on the page. */
export class ReportError extends Error {
  override readonly name = 'ReportError';
}

export class ReportNotFoundError extends Error {
  override readonly name = 'ReportNotFoundError';
  constructor(readonly id: number) {
    super(`Report {${id}} does not exist.`);
  }
}

/** The viewer lacks `permission` for what they asked. */
export class ReportPermissionError extends Error {
  override readonly name = 'ReportPermissionError';
  constructor(readonly permission: Permission) {
    super(`${permission} privileges are required to perform this operation.`);
  }
}

/** A report form with a field that cannot be saved; the form keeps what was typed. */
export class ReportFormError extends Error {
  override readonly name = 'ReportFormError';
  constructor(readonly fieldErrors: Record<string, string>) {
    super(Object.values(fieldErrors).join(' '));
  }
}

export function assertReportPermission(actor: Viewer, permission: Permission) {
  if (!actor.permissions.has(permission) && !actor.permissions.has('TRAC_ADMIN')) {
    throw new ReportPermissionError(permission);
  }
}

/**
 * A report that could not run now: every report connection is busy, or the database cannot be
 * reached. Answered with 503; trying again later may work.
 */
export class ReportUnavailableError extends Error {
  override readonly name = 'ReportUnavailableError';
}
