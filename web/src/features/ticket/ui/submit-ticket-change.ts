import { isAppError } from '@/core/errors/app-error';
import 'server-only';
import { DbError, MidAirCollisionError } from '@learntrac/db/errors';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getViewer } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import type { Feature } from '@/core/feature';
import { findUnsafeFormField } from '@/core/text/unsafe-text';
import { renderWikiText } from '@/core/wiki-render/render-wiki-text';
import { collectChangesSince } from '@/features/ticket/collect-changes-since';
import { getTicket } from '@/features/ticket/get-ticket';
import { modifyTicket } from '@/features/ticket/modify-ticket';

import { readFieldValues, readFormText, readTicketId } from '@/features/ticket/ticket-form';
import type { ModifyTicketFormState } from '@/features/ticket/ui/ticket-form-state';

/** Previews or saves the Modify Ticket form; a refused save keeps everything typed. */
export async function submitTicketChange({
  form,
  features,
}: {
  form: FormData;
  /** The features whose links and macros the preview renders. */
  features: readonly Feature[];
}): Promise<ModifyTicketFormState> {
  const ticketId = readTicketId(form);
  // Trac times are microseconds in a 64-bit column: anything else is not one of ours.
  const viewTime = readFormText(form, 'view_time');
  const state: ModifyTicketFormState = {
    values: readFieldValues(form),
    comment: readFormText(form, 'comment').replace(/\r\n?/g, '\n'),
    replyTo: readFormText(form, 'replyto'),
    action: readFormText(form, 'action') || 'leave',
    actionOwner: readFormText(form, 'action_owner'),
    actionResolution: readFormText(form, 'action_resolution'),
    ccUpdate: form.get('cc_update') === '1',
    expectedChangetime: /^\d{1,18}$/.test(viewTime) ? viewTime : '',
    errors: {},
  };
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { ...state, message: unsafe.message };
  if (ticketId === null) return { ...state, message: 'This form does not name a ticket.' };
  if (viewTime !== state.expectedChangetime) {
    return { ...state, message: 'This form is out of date: reload the ticket and try again.' };
  }
  const replyTo = state.replyTo === '' ? undefined : Number(state.replyTo);
  if (replyTo !== undefined && !(Number.isSafeInteger(replyTo) && replyTo > 0)) {
    return { ...state, errors: { comment: 'The comment replied to is not a comment number.' } };
  }
  const viewer = await getViewer();

  if (form.get('intent') === 'preview') {
    const previewHtml = await renderWikiText({
      db: getDb(),
      viewer,
      text: state.comment,
      context: { realm: 'ticket', id: String(ticketId) },
      features,
    });
    return { ...state, previewHtml };
  }

  const expected = state.expectedChangetime ? BigInt(state.expectedChangetime) : undefined;
  let commentNumber: number;
  try {
    ({ commentNumber } = await modifyTicket({
      db: getDb(),
      actor: viewer,
      ticketId,
      values: state.values,
      comment: state.comment,
      replyTo,
      action: state.action,
      actionOwner: state.actionOwner,
      actionResolution: state.actionResolution,
      ccUpdate: state.ccUpdate,
      expectedChangetime: expected,
    }));
  } catch (error) {
    if (isAppError(error, 'INVALID_INPUT')) return { ...state, errors: error.fieldErrors };
    if (isAppError(error, 'FORBIDDEN')) return { ...state, message: error.message };
    if (error instanceof MidAirCollisionError) {
      const ticket = await getTicket({ db: getDb(), id: ticketId });
      revalidatePath(`/ticket/${ticketId}`);
      return {
        ...state,
        collision: collectChangesSince(ticket?.changes ?? [], error.expectedChangetime),
        // Submitting again, having seen what changed, saves over it as Trac allows.
        expectedChangetime: String(ticket?.changetimeMicros ?? ''),
      };
    }
    if (error instanceof DbError) return { ...state, message: error.message };
    throw error;
  }
  // The same page with a new fragment would only scroll: revalidate so the new change shows.
  revalidatePath(`/ticket/${ticketId}`);
  redirect(`/ticket/${ticketId}#comment:${commentNumber}`);
}
