import type { NextRequest } from 'next/server';
import { getConfig } from '@/config';
import { getViewer } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { isAppError } from '@/core/errors/app-error';
import { exportErrorResponse, exportFailureResponse, exportResponse } from '../export-response';
import { exportTicketQuery } from '../export-ticket-query';
import { exportFormatOf } from '../query-from-params';

/** `/query?format=csv|tab|rss&...` lands here (the page redirects): the query as a file. */
export async function respondWithQueryExport(request: NextRequest): Promise<Response> {
  const params = request.nextUrl.searchParams;
  const format = exportFormatOf(params);
  if (!format) return exportErrorResponse(400, "'format' must be csv, tab or rss");
  const viewer = await getViewer();
  try {
    const file = await exportTicketQuery({
      db: getDb(),
      viewer: { name: viewer.user?.username ?? null, permissions: viewer.permissions },
      params,
      format,
      baseUrl: getConfig().NEXTAUTH_URL,
    });
    return exportResponse(file);
  } catch (error) {
    if (isAppError(error)) return exportFailureResponse(error);
    throw error;
  }
}
