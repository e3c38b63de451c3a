/** Trac's addresses of a ticket attachment: its page, and the file itself. */
export function ticketAttachmentHref(ticketId: number, filename: string, raw = false): string {
  return `/${raw ? 'raw-attachment' : 'attachment'}/ticket/${ticketId}/${encodeURIComponent(filename)}`;
}

/** A size as the attachment lists show it. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The refusal for a file over the limit, the same whether the browser or the server notices. */
export function tooLargeMessage(size: number, maxSize: number): string {
  return `The file is ${formatFileSize(size)}; attachments may have at most ${formatFileSize(maxSize)}.`;
}
