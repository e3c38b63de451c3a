import { sql } from '@/core/db';
import type { Queryable } from '@/core/db/database';
import type { Viewer } from '@/core/feature';
import { assertReportPermission } from './report-errors';

export interface ReportSummary {
  id: number;
  title: string;
  description: string;
}

/** Every report, by number, for viewers with REPORT_VIEW. */
export async function listReports(options: {
  db: Queryable;
  actor: Viewer;
}): Promise<ReportSummary[]> {
  assertReportPermission(options.actor, 'REPORT_VIEW');
  const rows = await options.db.query<ReportSummary>(sql`
    SELECT id, COALESCE(title, '') AS title, COALESCE(description, '') AS description
    FROM report ORDER BY id`);
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}
