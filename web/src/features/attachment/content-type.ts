/**
 * Types shown in the browser: raster images and plain text, which can run nothing. Every other
 * file, and above all the active ones (HTML, SVG, XML, PDF, scripts), is sent as a download of
 * unknown type, so a browser never renders it as a page of this site.
 */
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
