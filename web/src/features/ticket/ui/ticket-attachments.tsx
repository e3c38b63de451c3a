import { formatDateTime } from '@/core/format';
import type { AttachmentInfo } from '@/features/attachment/list-attachments';
import { formatFileSize, ticketAttachmentHref } from '../ticket-attachment-links';
import { AttachFileForm, type AttachFileState } from './attach-file-form';
import { DeleteAttachmentForm } from './delete-attachment-form';

/** The ticket's Attachments box: each file with its size, author, date and description. */
export function TicketAttachments({
  ticketId,
  attachments,
  maxSize,
  attachAction,
  deleteAction,
}: {
  ticketId: number;
  attachments: readonly AttachmentInfo[];
  maxSize: number;
  /** Absent for those who may not attach (TICKET_APPEND) or delete (TICKET_ADMIN). */
  attachAction?: (state: AttachFileState, form: FormData) => Promise<AttachFileState>;
  deleteAction?: (state: { error?: string }, form: FormData) => Promise<{ error?: string }>;
}) {
  if (attachments.length === 0 && !attachAction) return null;
  return (
    <section id="attachments" className="ticket-attachments" aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">Attachments ({attachments.length})</h2>
      {attachments.length > 0 && (
        <ul>
          {attachments.map((attachment) => (
            <li key={attachment.filename}>
              <a href={ticketAttachmentHref(ticketId, attachment.filename)}>
                {attachment.filename}
              </a>{' '}
              <a
                className="ticket-attachment-download"
                href={ticketAttachmentHref(ticketId, attachment.filename, true)}
                title={`Download ${attachment.filename}`}
              >
                download
              </a>{' '}
              <span className="muted">
                ({formatFileSize(attachment.size)}) – added by{' '}
                <strong>{attachment.author ?? 'anonymous'}</strong> on{' '}
                {formatDateTime(attachment.time)}
              </span>
              {attachment.description && (
                <p className="ticket-attachment-description">{attachment.description}</p>
              )}
              {deleteAction && (
                <DeleteAttachmentForm
                  deleteAction={deleteAction}
                  ticketId={ticketId}
                  filename={attachment.filename}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {attachAction && (
        <details className="ticket-attach">
          <summary>Attach file</summary>
          <AttachFileForm attachAction={attachAction} ticketId={ticketId} maxSize={maxSize} />
        </details>
      )}
    </section>
  );
}
