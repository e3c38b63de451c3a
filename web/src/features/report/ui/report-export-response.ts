import type { NextRequest } from 'next/server';
import { getConfig } from '@/config';
import { getViewer } from '@/core/auth/current-user';
import { getDb, getReportPool } from '@/core/db';
import { answerExport, exportErrorResponse } from '@/features/query/export-response';
import { exportReport } from '@/features/report/export-report';

const FORMATS = ['csv', 'tab', 'rss', 'sql'] as const;

/** `/report/N?format=csv|tab|rss|sql` lands here (the page redirects): the report as a file. */
export async function respondWithReportExport({
  request,
  rawId,
}: {
  request: NextRequest;
  rawId: string;
}): Promise<Response> {
  const params = request.nextUrl.searchParams;
  const format = FORMATS.find((f) => f === params.get('format'));
  if (!format) return exportErrorResponse(400, "'format' must be csv, tab, rss or sql");
  if (!/^\d{1,10}$/.test(rawId))
    return exportErrorResponse(404, `Report {${rawId}} does not exist.`);
  const viewer = await getViewer();
  return answerExport(() =>
    exportReport({
      db: getDb(),
      pool: getReportPool(),
      actor: viewer,
      id: Number(rawId),
      params,
      format,
      baseUrl: getConfig().NEXTAUTH_URL,
    }),
  );
}
