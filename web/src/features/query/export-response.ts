import type { ExportFile } from './export-ticket-query';

/** The response for an export: Trac sends tables as attachments and feeds inline. */
export function exportResponse(file: ExportFile): Response {
  const headers = new Headers({ 'Content-Type': file.contentType, 'Cache-Control': 'no-store' });
  if (!file.filename.endsWith('.xml')) {
    headers.set('Content-Disposition', `attachment; filename=${file.filename}`);
  }
  return new Response(file.body, { status: 200, headers });
}

/** A refusal or bad request as plain text, with the status a browser or script should see. */
export function exportErrorResponse(status: 400 | 403 | 404, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain;charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
