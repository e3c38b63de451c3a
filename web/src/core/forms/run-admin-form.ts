import { AppError, isAppError } from '@/core/errors/app-error';
import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getViewer } from '@/core/auth/current-user';
import type { Permission } from '@/core/auth/roles';
import { findUnsafeFormField } from '@/core/text/unsafe-text';
import { type AdminFormState, readSubmittedValues } from './admin-form-state';

/** What a write reports on success: a message to show, or the page to go back to. */
export type AdminOutcome = { message?: string; redirectTo?: string } | undefined;

/**
 * Runs an admin panel's write as the signed-in user; refusals become form messages that carry
 * what was submitted, anything else throws. Going back to another page is a redirect, which
 * answers a script's call and a browser's plain post alike.
 */
export async function runAdminForm(options: {
  form: FormData;
  /** The panel's permission: its page and every write it posts need the same. */
  permission: Permission;
  work: (context: { permissions: ReadonlySet<string>; author: string }) => Promise<AdminOutcome>;
  /** Turns a feature's own refusals (a workflow's problems) into form state; null to rethrow. */
  explain?: (error: unknown) => AdminFormState | null;
}): Promise<AdminFormState> {
  const { form, permission } = options;
  const unsafe = findUnsafeFormField(form);
  if (unsafe) {
    return { ok: false, message: unsafe.message, values: readSubmittedValues(form) };
  }
  const viewer = await getViewer();
  let outcome: AdminOutcome;
  try {
    // The panel's permission, whatever the verb behind it would accept on its own
    // (milestones take MILESTONE_* elsewhere).
    if (!viewer.permissions.has(permission)) {
      throw new AppError('FORBIDDEN', `${permission} is needed to administer the site.`);
    }
    outcome = await options.work({
      permissions: viewer.permissions,
      author: viewer.user?.username ?? 'anonymous',
    });
  } catch (error) {
    if (isAppError(error)) {
      const { message, fieldErrors } = error;
      return { ok: false, message, fieldErrors, values: readSubmittedValues(form) };
    }
    const explained = options.explain?.(error);
    if (explained) return { ...explained, values: readSubmittedValues(form) };
    throw error;
  }
  // Site settings show on every page (ticket form choices, permissions): none may be served stale.
  revalidatePath('/', 'layout');
  if (outcome?.redirectTo) redirect(outcome.redirectTo);
  return { ok: true, message: outcome?.message };
}
