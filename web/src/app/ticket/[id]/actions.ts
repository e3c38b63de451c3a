'use server';

import { DbError, MidAirCollisionError } from '@learntrac/db/errors';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getViewer } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { findUnsafeFormField } from '@/core/text/unsafe-text';
import { renderWikiText } from '@/core/wiki-render/render-wiki-text';
import { collectChangesSince } from '@/features/ticket/collect-changes-since';
import { deleteTicket } from '@/features/ticket/delete-ticket';
import { editTicketComment } from '@/features/ticket/edit-ticket-comment';
import { getTicket } from '@/features/ticket/get-ticket';
import { modifyTicket } from '@/features/ticket/modify-ticket';
import { actorFromViewer } from '@/features/ticket/ticket-actor';
import { tooLargeMessage } from '@/features/ticket/ticket-attachment-links';

import { readFieldValues, TicketFormError } from '@/features/ticket/ticket-form';
import type { CommentEditState, ModifyTicketFormState } from '@/features/ticket/ticket-form-state';
import { TicketPermissionError } from '@/features/ticket/ticket-permissions';
import type { AttachFileState } from '@/features/ticket/ui/attach-file-form';
import { addAttachment } from '@/features/wiki/attachments/add-attachment';
import { deleteAttachment } from '@/features/wiki/attachments/delete-attachment';
import { WikiError } from '@/features/wiki/wiki-errors';
import { getAttachmentMaxSize, getAttachmentStorage } from '@/features/wiki/wiki-services';

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === 'string' ? value : '';
};

const ticketIdOf = (form: FormData) => {
  const id = Number(text(form, 'ticketId'));
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null;
};

/** Previews or saves the Modify Ticket form; a refused save keeps everything typed. */
export async function modifyTicketAction(
  _previous: ModifyTicketFormState,
  form: FormData,
): Promise<ModifyTicketFormState> {
  const ticketId = ticketIdOf(form);
  // Trac times are microseconds in a 64-bit column: anything else is not one of ours.
  const viewTime = text(form, 'view_time');
  const state: ModifyTicketFormState = {
    values: readFieldValues(form),
    comment: text(form, 'comment').replace(/\r\n?/g, '\n'),
    replyTo: text(form, 'replyto'),
    action: text(form, 'action') || 'leave',
    actionOwner: text(form, 'action_owner'),
    actionResolution: text(form, 'action_resolution'),
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
    });
    return { ...state, previewHtml };
  }

  const expected = state.expectedChangetime ? BigInt(state.expectedChangetime) : undefined;
  let commentNumber: number;
  try {
    ({ commentNumber } = await modifyTicket({
      db: getDb(),
      actor: actorFromViewer(viewer),
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
    if (error instanceof TicketFormError) return { ...state, errors: error.fieldErrors };
    if (error instanceof TicketPermissionError) return { ...state, message: error.message };
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

/** Saves a new text for a comment; the old text stays in the comment's history. */
export async function editCommentAction(
  previous: CommentEditState,
  form: FormData,
): Promise<CommentEditState> {
  const ticketId = ticketIdOf(form);
  const commentNumber = Number(text(form, 'cnum'));
  const state: CommentEditState = { text: text(form, 'edited_comment').replace(/\r\n?/g, '\n') };
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { ...state, error: unsafe.message };
  if (ticketId === null || !Number.isInteger(commentNumber) || commentNumber < 1) {
    return { ...previous, error: 'This form does not name a comment.' };
  }
  const viewer = await getViewer();
  try {
    await editTicketComment({
      db: getDb(),
      actor: actorFromViewer(viewer),
      ticketId,
      commentNumber,
      text: state.text,
    });
  } catch (error) {
    if (
      error instanceof TicketPermissionError ||
      error instanceof TicketFormError ||
      error instanceof DbError
    ) {
      return { ...state, error: error.message };
    }
    throw error;
  }
  revalidatePath(`/ticket/${ticketId}`);
  redirect(`/ticket/${ticketId}#comment:${commentNumber}`);
}

/** Deletes the ticket (TICKET_ADMIN) and goes to the ticket list. */
export async function deleteTicketAction(
  _previous: { error?: string },
  form: FormData,
): Promise<{ error?: string }> {
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { error: unsafe.message };
  const viewer = await getViewer();
  const ticketId = ticketIdOf(form);
  if (ticketId === null) return { error: 'This form does not name a ticket.' };
  if (text(form, 'confirm') !== String(ticketId)) {
    return { error: `Type the ticket number (${ticketId}) to confirm.` };
  }
  try {
    await deleteTicket({
      db: getDb(),
      storage: getAttachmentStorage(),
      actor: actorFromViewer(viewer),
      ticketId,
    });
  } catch (error) {
    if (error instanceof TicketPermissionError || error instanceof DbError) {
      return { error: error.message };
    }
    throw error;
  }
  redirect(`/query?deleted=${ticketId}`);
}

/**
 * Attaches a file to the ticket through the wiki's attachment verb (realm `ticket`). As in
 * Trac, this writes no ticket_change row; the history and timeline list it from `attachment`.
 */
export async function attachFileAction(
  _previous: AttachFileState,
  form: FormData,
): Promise<AttachFileState> {
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { error: unsafe.message };
  const viewer = await getViewer();
  const ticketId = ticketIdOf(form);
  if (ticketId === null) return { error: 'This form does not name a ticket.' };
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return { error: 'Choose a file to attach.' };
  const maxSize = getAttachmentMaxSize();
  if (file.size > maxSize) return { error: tooLargeMessage(file.size, maxSize) };
  try {
    await addAttachment({
      db: getDb(),
      storage: getAttachmentStorage(),
      viewer,
      author: viewer.user?.username || 'anonymous',
      maxSize,
      input: {
        realm: 'ticket',
        id: String(ticketId),
        filename: file.name,
        description: text(form, 'description'),
        replace: form.get('replace') === '1',
      },
      data: new Uint8Array(await file.arrayBuffer()),
    });
  } catch (error) {
    if (error instanceof WikiError) return { error: error.message };
    throw error;
  }
  revalidatePath(`/ticket/${ticketId}`);
  redirect(`/ticket/${ticketId}#attachments`);
}

/** Deletes one of the ticket's attachments (TICKET_ADMIN). */
export async function deleteTicketAttachmentAction(
  _previous: { error?: string },
  form: FormData,
): Promise<{ error?: string }> {
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { error: unsafe.message };
  const viewer = await getViewer();
  const ticketId = ticketIdOf(form);
  if (ticketId === null) return { error: 'This form does not name a ticket.' };
  try {
    await deleteAttachment({
      db: getDb(),
      storage: getAttachmentStorage(),
      viewer,
      input: { realm: 'ticket', id: String(ticketId), filename: text(form, 'filename') },
    });
  } catch (error) {
    if (error instanceof WikiError) return { error: error.message };
    throw error;
  }
  revalidatePath(`/ticket/${ticketId}`);
  redirect(`/ticket/${ticketId}#attachments`);
}
