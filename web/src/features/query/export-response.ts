import { isAppError } from '@/core/errors/app-error';

/** A query's or report's results as a file. */
interface ExportedFile {
  contentType: string;
  filename: string;
  body: string | ReadableStream<Uint8Array>;
}

/** The response for an export: Trac sends tables as attachments and feeds inline. */
function exportResponse(file: ExportedFile): Response {
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

/**
 * Runs an export and answers with its file; a failure on purpose (an AppError) answers with its
 * status and message, and a busy server says when to try again.
 */
export async function answerExport(produce: () => Promise<ExportedFile>): Promise<Response> {
  try {
    return exportResponse(await produce());
  } catch (error) {
    if (!isAppError(error)) throw error;
    return exportErrorResponse(
      error.status,
      error.message,
      error.status === 503 ? { 'Retry-After': '5' } : {},
    );
  }
}
