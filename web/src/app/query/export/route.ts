import type { NextRequest } from 'next/server';
import { getConfig } from '@/config';
import { getViewer } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { isAppError } from '@/core/errors/app-error';
import { exportErrorResponse, exportResponse } from '@/features/query/export-response';
import { exportTicketQuery } from '@/features/query/export-ticket-query';
import { QuerySyntaxError } from '@/features/query/language';
import { exportFormatOf } from '@/features/query/query-from-params';

export const dynamic = 'force-dynamic';

/** `/query?format=csv|tab|rss&...` lands here (the page redirects): the query as a file. */
export async function GET(request: NextRequest) {
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
    if (isAppError(error, 'FORBIDDEN')) return exportErrorResponse(403, error.message);
    if (error instanceof QuerySyntaxError) return exportErrorResponse(400, error.message);
    throw error;
  }
}
