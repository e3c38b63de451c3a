'use server';

import { getViewer } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { isAppError } from '@/core/errors/app-error';
import type { AdminFormState } from '@/core/forms/admin-form-state';
import { readText } from '@/core/forms/form-fields';
import { findUnsafeFormField } from '@/core/text/unsafe-text';
import { batchModifyTickets } from '../batch-modify';

/** The query page's Batch Modify box: selected tickets, fields to set, comment, action. */
export async function batchModifyAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { ok: false, message: unsafe.message };
  const viewer = await getViewer();
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    // Only fields the person chose to set: `batch_<field>` with a non-empty value.
    if (key.startsWith('batch_') && typeof value === 'string' && value !== '') {
      values[key.slice('batch_'.length)] = value;
    }
  }
  try {
    const { changed } = await batchModifyTickets({
      db: getDb(),
      actor: viewer,
      ticketIds: form
        .getAll('ticket')
        .map((id) => Number(id))
        .filter((id) => Number.isInteger(id) && id > 0),
      values,
      comment: readText(form, 'comment').replace(/\r\n?/g, '\n'),
      action: readText(form, 'action') || 'leave',
      actionOwner: readText(form, 'action_owner') || undefined,
      actionResolution: readText(form, 'action_resolution') || undefined,
    });
    return {
      ok: true,
      message:
        changed.length === 0
          ? 'Nothing changed: the selected tickets already hold those values.'
          : `Changed ${changed.length} ticket${changed.length === 1 ? '' : 's'}: ${changed.map((id) => `#${id}`).join(', ')}.`,
    };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return {
      ok: false,
      message: error.message,
      fieldErrors: error.fieldErrors,
      problems: error.problems,
    };
  }
}
