'use server';

import { getSessionRevocations } from '@/core/auth/auth-options';
import { getViewer } from '@/core/auth/current-user';
import { findUnsafeFormField } from '@/core/text/unsafe-text';
import { AdminError } from './admin-error';
import { type AdminFormState, readSubmittedValues } from './admin-form-state';
import { revokeUserSessions } from './revoke-user-sessions';

/** The permissions page's "Sign a User Out Everywhere" form. */
export async function revokeUserSessionsAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { ok: false, message: unsafe.message, values: readSubmittedValues(form) };
  const username = form.get('username');
  try {
    const viewer = await getViewer();
    const revoked = await revokeUserSessions({
      permissions: viewer.permissions,
      username: typeof username === 'string' ? username : '',
      revocations: getSessionRevocations(),
    });
    return {
      ok: true,
      message: `${revoked.username} is signed out everywhere, from their next request on.`,
    };
  } catch (error) {
    if (!(error instanceof AdminError)) throw error;
    const { message, fieldErrors } = error;
    return { ok: false, message, fieldErrors, values: readSubmittedValues(form) };
  }
}
