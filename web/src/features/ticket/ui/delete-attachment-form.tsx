'use client';

import { useActionState } from 'react';

/** One attachment's Delete button (TICKET_ADMIN); a refusal shows beside it. */
export function DeleteAttachmentForm({
  deleteAction,
  ticketId,
  filename,
}: {
  deleteAction: (state: { error?: string }, form: FormData) => Promise<{ error?: string }>;
  ticketId: number;
  filename: string;
}) {
  const [state, formAction, pending] = useActionState(deleteAction, {});
  return (
    <form action={formAction} className="ticket-attachment-delete">
      <input type="hidden" name="ticketId" value={ticketId} />
      <input type="hidden" name="filename" value={filename} />
      <button type="submit" className="danger" disabled={pending} aria-label={`Delete ${filename}`}>
        Delete
      </button>
      {state.error && (
        <span className="field-error" role="alert">
          {' '}
          {state.error}
        </span>
      )}
    </form>
  );
}
