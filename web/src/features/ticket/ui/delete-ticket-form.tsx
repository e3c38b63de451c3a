'use client';

import { useActionState } from 'react';

export function DeleteTicketForm({
  deleteAction,
  ticketId,
}: {
  deleteAction: (state: { error?: string }, form: FormData) => Promise<{ error?: string }>;
  ticketId: number;
}) {
  const [state, formAction, pending] = useActionState(deleteAction, {});
  return (
    <details className="ticket-delete">
      <summary>Delete ticket…</summary>
      <form action={formAction}>
        <input type="hidden" name="ticketId" value={ticketId} />
        <p>
          Deleting removes the ticket, its history and its custom fields for good.{' '}
          <label htmlFor="confirm-delete">Type {ticketId} to confirm:</label>{' '}
          <input id="confirm-delete" name="confirm" size={8} inputMode="numeric" />{' '}
          <button type="submit" className="danger" disabled={pending}>
            Delete ticket #{ticketId}
          </button>
        </p>
        {state.error && (
          <p className="field-error" role="alert">
            {state.error}
          </p>
        )}
      </form>
    </details>
  );
}
