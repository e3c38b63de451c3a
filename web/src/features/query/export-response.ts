import type { AppError } from '@/core/errors/app-error';

/** The response for an export: Trac sends tables as attachments and feeds inline. */
export function exportResponse(file: {
  contentType: string;
  filename: string;
  body: string | ReadableStream<Uint8Array>;
}): Response {
  const headers = new Headers({ 'Content-Type': file.contentType, 'Cache-Control': 'no-store' });
  if (!file.filename.endsWith('.xml')) {
    headers.set('Content-Disposition', `attachment; filename=${file.filename}`);
  }
  return new Response(file.body, { status: 200, headers });
}

/** A refusal or bad request as plain text, with the status a browser or script should see. */
export function exportErrorResponse(
  status: number,
  message: string,
  extraHeaders: Record<string, string> = {},
): Response {
  return new Response(`${message}\n`, {
    status,
    headers: {
      'Content-Type': 'text/plain;charset=utf-8',
      'Cache-Control': 'no-store',
      ...extraHeaders,
    },
  });
}

/** An export that failed on purpose, by its code; a busy server says when to try again. */
export function exportFailureResponse(error: AppError): Response {
  return exportErrorResponse(
    error.status,
    error.message,
    error.status === 503 ? { 'Retry-After': '5' } : {},
  );
}
