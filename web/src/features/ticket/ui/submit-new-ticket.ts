import { isAppError } from '@/core/errors/app-error';
import 'server-only';
import { DbError } from '@learntrac/db/errors';
import { redirect } from 'next/navigation';
import { getViewer } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import type { Feature } from '@/core/feature';
import { findUnsafeFormField } from '@/core/text/unsafe-text';
import { renderWikiText } from '@/core/wiki-render/render-wiki-text';
import { createNewTicket } from '@/features/ticket/create-new-ticket';

import { readFieldValues } from '@/features/ticket/ticket-form';
import type { NewTicketFormState } from '@/features/ticket/ui/ticket-form-state';

/** Previews or files a new ticket; a refused submit keeps everything typed. */
export async function submitNewTicket({
  form,
  features,
}: {
  form: FormData;
  /** The features whose links and macros the preview renders. */
  features: readonly Feature[];
}): Promise<NewTicketFormState> {
  const action = form.get('action');
  const state: NewTicketFormState = {
    values: readFieldValues(form),
    action: typeof action === 'string' && action ? action : 'create',
    errors: {},
  };
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { ...state, errors: { form: unsafe.message } };
  const viewer = await getViewer();
  if (form.get('intent') === 'preview') {
    const previewHtml = await renderWikiText({
      db: getDb(),
      viewer,
      text: state.values.description ?? '',
      context: { realm: 'ticket', id: 'new' },
      features,
    });
    return { ...state, previewHtml };
  }
  let id: number;
  try {
    ({ id } = await createNewTicket({
      db: getDb(),
      actor: viewer,
      values: state.values,
      action: state.action,
    }));
  } catch (error) {
    if (isAppError(error, 'INVALID_INPUT')) return { ...state, errors: error.fieldErrors };
    if (isAppError(error, 'FORBIDDEN') || error instanceof DbError) {
      return { ...state, errors: { form: error.message } };
    }
    throw error;
  }
  redirect(`/ticket/${id}`);
}
