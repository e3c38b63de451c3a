'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getViewer } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { formMessageOf } from '@/core/errors/show-error';
import { findUnsafeFormField } from '@/core/text/unsafe-text';
import { addAttachment } from '@/features/attachment/add-attachment';
import {
  getAttachmentMaxSize,
  getAttachmentStorage,
} from '@/features/attachment/attachment-services';
import { deleteAttachment } from '@/features/attachment/delete-attachment';
import { deleteTicket } from '@/features/ticket/delete-ticket';
import { editTicketComment } from '@/features/ticket/edit-ticket-comment';
import { tooLargeMessage } from '@/features/ticket/ticket-attachment-links';

import { readFormText, readTicketId } from '@/features/ticket/ticket-form';
import type { AttachFileState } from '@/features/ticket/ui/attach-file-form';
import type { CommentEditState } from '@/features/ticket/ui/ticket-form-state';

/** Saves a new text for a comment; the old text stays in the comment's history. */
export async function editCommentAction(
  previous: CommentEditState,
  form: FormData,
): Promise<CommentEditState> {
  const ticketId = readTicketId(form);
  const commentNumber = Number(readFormText(form, 'cnum'));
  const state: CommentEditState = {
    text: readFormText(form, 'edited_comment').replace(/\r\n?/g, '\n'),
  };
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { ...state, error: unsafe.message };
  if (ticketId === null || !Number.isInteger(commentNumber) || commentNumber < 1) {
    return { ...previous, error: 'This form does not name a comment.' };
  }
  const viewer = await getViewer();
  try {
    await editTicketComment({
      db: getDb(),
      actor: viewer,
      ticketId,
      commentNumber,
      text: state.text,
    });
  } catch (error) {
    const shown = formMessageOf(error);
    if (shown) return { ...state, error: shown.message };
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
  const ticketId = readTicketId(form);
  if (ticketId === null) return { error: 'This form does not name a ticket.' };
  if (readFormText(form, 'confirm') !== String(ticketId)) {
    return { error: `Type the ticket number (${ticketId}) to confirm.` };
  }
  try {
    await deleteTicket({
      db: getDb(),
      storage: getAttachmentStorage(),
      actor: viewer,
      ticketId,
    });
  } catch (error) {
    const shown = formMessageOf(error);
    if (shown) return { error: shown.message };
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
  const ticketId = readTicketId(form);
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
        description: readFormText(form, 'description'),
        replace: form.get('replace') === '1',
      },
      data: new Uint8Array(await file.arrayBuffer()),
    });
  } catch (error) {
    const shown = formMessageOf(error);
    if (shown) return { error: shown.message };
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
  const ticketId = readTicketId(form);
  if (ticketId === null) return { error: 'This form does not name a ticket.' };
  try {
    await deleteAttachment({
      db: getDb(),
      storage: getAttachmentStorage(),
      viewer,
      input: { realm: 'ticket', id: String(ticketId), filename: readFormText(form, 'filename') },
    });
  } catch (error) {
    const shown = formMessageOf(error);
    if (shown) return { error: shown.message };
    throw error;
  }
  revalidatePath(`/ticket/${ticketId}`);
  redirect(`/ticket/${ticketId}#attachments`);
}
