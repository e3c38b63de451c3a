/** Types shown in the browser; all others are sent as downloads (never as HTML or script). */
const INLINE: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  txt: 'text/plain; charset=utf-8',
  md: 'text/plain; charset=utf-8',
  csv: 'text/plain; charset=utf-8',
  log: 'text/plain; charset=utf-8',
  pdf: 'application/pdf',
};

export function contentTypeOf(filename: string): { type: string; inline: boolean } {
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase() ?? '';
  const type = INLINE[extension];
  return type ? { type, inline: true } : { type: 'application/octet-stream', inline: false };
}

/** Whether the attachment page can show the file's contents as text. */
export function isTextFile(filename: string): boolean {
  return contentTypeOf(filename).type.startsWith('text/');
}

export function isImageFile(filename: string): boolean {
  return contentTypeOf(filename).type.startsWith('image/');
}
