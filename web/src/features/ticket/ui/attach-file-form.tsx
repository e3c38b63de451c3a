'use client';

import { useActionState, useState } from 'react';
import { tooLargeMessage } from '../ticket-attachment-links';

export interface AttachFileState {
  error?: string;
}

/** Trac's "Attach file" box: the file, an optional description, replace an existing one. */
export function AttachFileForm({
  attachAction,
  ticketId,
  maxSize,
}: {
  attachAction: (state: AttachFileState, form: FormData) => Promise<AttachFileState>;
  ticketId: number;
  maxSize: number;
}) {
  const [state, formAction, pending] = useActionState(attachAction, {});
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const error = tooLarge ?? state.error;
  return (
    <form
      action={formAction}
      className="ticket-attach-form"
      aria-label="Attach file"
      onSubmit={(event) => {
        // A file over the limit is refused here, before it is sent; the server checks again.
        const file = new FormData(event.currentTarget).get('file');
        const message =
          file instanceof File && file.size > maxSize ? tooLargeMessage(file.size, maxSize) : null;
        setTooLarge(message);
        if (message) event.preventDefault();
      }}
    >
      <input type="hidden" name="ticketId" value={ticketId} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p>
        <label htmlFor="attachment-file">File:</label>{' '}
        <input id="attachment-file" type="file" name="file" required />{' '}
        <small className="muted">at most {Math.round(maxSize / 1024)} KB</small>
      </p>
      <p>
        <label htmlFor="attachment-description">Description of the file (optional):</label>{' '}
        <input
          id="attachment-description"
          type="text"
          name="description"
          maxLength={1000}
          size={50}
        />
      </p>
      <p>
        <label>
          <input type="checkbox" name="replace" value="1" /> Replace an attachment of the same name
        </label>
      </p>
      <button type="submit" className="primary" disabled={pending}>
        Add attachment
      </button>
    </form>
  );
}
