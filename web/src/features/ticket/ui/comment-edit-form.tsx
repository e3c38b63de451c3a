'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import type { CommentEditState } from './ticket-form-state';

export function CommentEditForm({
  editAction,
  ticketId,
  commentNumber,
  text,
}: {
  editAction: (state: CommentEditState, form: FormData) => Promise<CommentEditState>;
  ticketId: number;
  commentNumber: number;
  text: string;
}) {
  const [state, formAction, pending] = useActionState(editAction, { text });
  return (
    <form action={formAction} className="ticket-comment-edit">
      <input type="hidden" name="ticketId" value={ticketId} />
      <input type="hidden" name="cnum" value={commentNumber} />
      <label htmlFor={`edited-comment-${commentNumber}`} className="visually-hidden">
        Text of comment {commentNumber}
      </label>
      <textarea
        key={state.text}
        id={`edited-comment-${commentNumber}`}
        name="edited_comment"
        rows={6}
        defaultValue={state.text}
      />
      {state.error && (
        <p className="field-error" role="alert">
          {state.error}
        </p>
      )}
      <div className="buttons">
        <button type="submit" className="primary" disabled={pending}>
          Submit changes
        </button>{' '}
        <Link href={`/ticket/${ticketId}#comment:${commentNumber}`}>Cancel</Link>
      </div>
    </form>
  );
}
