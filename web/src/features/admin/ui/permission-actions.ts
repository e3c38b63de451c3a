'use server';

import { getDb } from '@/core/db';
import { AppError } from '@/core/errors/app-error';
import type { AdminFormState } from '@/core/forms/admin-form-state';
import { readAll, readText } from '@/core/forms/form-fields';
import { runAdminForm } from '@/core/forms/run-admin-form';

import { grantPermission, revokePermissions } from '../permission-admin';

export async function grantPermissionAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  return runAdminForm({
    form,
    permission: 'TRAC_ADMIN',
    work: async ({ permissions }) => {
      const subject = readText(form, 'subject').trim();
      const action = readText(form, 'action').trim();
      await grantPermission({ db: getDb(), permissions, subject, action });
      return { message: `Granted ${action} to ${subject}.` };
    },
  });
}

export async function revokePermissionsAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  return runAdminForm({
    form,
    permission: 'TRAC_ADMIN',
    work: async ({ permissions }) => {
      // Each checkbox carries "subject:action"; subjects hold no colon in practice, actions never.
      const grants = readAll(form, 'sel').map((value) => {
        const at = value.lastIndexOf(':');
        if (at < 1) throw new AppError('INVALID_INPUT', `“${value}” does not name a grant.`);
        return { username: value.slice(0, at), action: value.slice(at + 1) };
      });
      const { revoked } = await revokePermissions({ db: getDb(), permissions, grants });
      return { message: `Revoked ${revoked}.` };
    },
  });
}
