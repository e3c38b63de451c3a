import { sql } from '@/core/db';
import type { Queryable } from '@/core/db/database';
import { AppError } from '@/core/errors/app-error';
import type { Viewer } from '@/core/feature';
import { assertReportPermission } from './report-errors';

export interface Report {
  id: number;
  title: string;
  description: string;
  query: string;
  author: string | null;
}

/** One report, for viewers with REPORT_VIEW; a missing report is a ReportNotFoundError. */
export async function getReport(options: {
  db: Queryable;
  actor: Viewer;
  id: number;
}): Promise<Report> {
  assertReportPermission(options.actor, 'REPORT_VIEW');
  if (!Number.isSafeInteger(options.id) || options.id < 1 || options.id > 2_147_483_647) {
    throw new AppError('NOT_FOUND', `Report {${options.id}} does not exist.`);
  }
  const rows = await options.db.query<Report>(sql`
    SELECT id, COALESCE(title, '') AS title, COALESCE(description, '') AS description,
      COALESCE(query, '') AS query, author
    FROM report WHERE id = ${options.id}`);
  const report = rows[0];
  if (!report) throw new AppError('NOT_FOUND', `Report {${options.id}} does not exist.`);
  return { ...report, id: Number(report.id) };
}
