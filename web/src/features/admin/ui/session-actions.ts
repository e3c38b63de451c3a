'use server';

import { getSessionRevocations } from '@/core/auth/auth-options';
import type { AdminFormState } from '@/core/forms/admin-form-state';
import { readText } from '@/core/forms/form-fields';
import { runAdminForm } from '@/core/forms/run-admin-form';
import { revokeUserSessions } from '../revoke-user-sessions';

/** The permissions page's "Sign a User Out Everywhere" form. */
export async function revokeUserSessionsAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  return runAdminForm({
    form,
    permission: 'TRAC_ADMIN',
    work: async ({ permissions }) => {
      const revoked = await revokeUserSessions({
        permissions,
        username: readText(form, 'username'),
        revocations: getSessionRevocations(),
      });
      return {
        message: `${revoked.username} is signed out everywhere, from their next request on.`,
      };
    },
  });
}
