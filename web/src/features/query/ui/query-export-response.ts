import type { NextRequest } from 'next/server';
import { getConfig } from '@/config';
import { getViewer } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { answerExport, exportErrorResponse } from '../export-response';
import { exportTicketQuery } from '../export-ticket-query';
import { exportFormatOf } from '../query-from-params';

/** `/query?format=csv|tab|rss&...` lands here (the page redirects): the query as a file. */
export async function respondWithQueryExport(request: NextRequest): Promise<Response> {
  const params = request.nextUrl.searchParams;
  const format = exportFormatOf(params);
  if (!format) return exportErrorResponse(400, "'format' must be csv, tab or rss");
  const viewer = await getViewer();
  return answerExport(() =>
    exportTicketQuery({
      db: getDb(),
      viewer: { name: viewer.user?.username ?? null, permissions: viewer.permissions },
      params,
      format,
      baseUrl: getConfig().NEXTAUTH_URL,
    }),
  );
}
