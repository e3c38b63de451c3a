import type { Db } from '@learntrac/db';
import {
  formatRss,
  formatTable,
  RSS_CONTENT_TYPE,
  type TableFormat,
  tableContentType,
} from '@/features/query/export-table';
import type { ExportFile } from '@/features/query/export-ticket-query';
import { getReport } from './get-report';
import {
  describeReportColumns,
  exportedColumns,
  reportCellText,
  reportDate,
  rowTicket,
} from './report-columns';
import { assertReportPermission, type ReportActor } from './report-errors';
import { reportVariables } from './report-variables-from-url';
import { type ReportPool, runReport } from './run-report';

/**
 * A report's rows as CSV, tab-separated text, RSS, or its SQL (`sql`, REPORT_SQL_VIEW), for the
 * viewers who may see the report. Exports hold every row. Throws the report errors.
 */
export async function exportReport(options: {
  db: Db;
  pool: ReportPool;
  actor: ReportActor;
  id: number;
  params: URLSearchParams;
  format: TableFormat | 'rss' | 'sql';
  baseUrl: string;
}): Promise<ExportFile> {
  const { db, actor, id, params, format } = options;
  const report = await getReport({ db, actor, id });
  if (format === 'sql') {
    assertReportPermission(actor, 'REPORT_SQL_VIEW');
    return {
      body: `-- ## ${report.id}: ${report.title} ## --\n\n${report.query}\n`,
      contentType: 'text/plain;charset=utf-8',
      filename: `report_${report.id}.sql`,
    };
  }
  const result = await runReport({
    pool: options.pool,
    sql: report.query,
    variables: reportVariables(params, actor.name),
    sort: params.get('sort') ?? undefined,
    asc: params.get('asc') !== '0',
    max: 0,
  });
  const columns = describeReportColumns(result.columns);
  const base = options.baseUrl.replace(/\/$/, '');
  if (format === 'rss') {
    return {
      contentType: RSS_CONTENT_TYPE,
      filename: `report_${report.id}.xml`,
      body: formatRss({
        title: `{${report.id}} ${report.title}`,
        link: `${base}/report/${report.id}`,
        description: report.description || report.title,
        items: result.rows.map((row, index) => {
          const ticket = rowTicket(row);
          const text = (name: string) => {
            const value = row[name] ?? row[`_${name}`] ?? null;
            return value === null ? null : String(value);
          };
          return {
            title: ticket ? `#${ticket}: ${text('summary') ?? ''}` : `Row ${index + 1}`,
            link: ticket ? `${base}/ticket/${ticket}` : `${base}/report/${report.id}`,
            description: text('description') ?? undefined,
            author: text('reporter'),
            pubDate: reportDate(
              row.time ?? row._time ?? row.created ?? row.changetime ?? row._changetime ?? null,
            ),
          };
        }),
      }),
    };
  }
  const shown = exportedColumns(columns);
  return {
    contentType: tableContentType(format),
    filename: `report_${report.id}.${format === 'csv' ? 'csv' : 'tsv'}`,
    body: formatTable(
      {
        columns: shown.map((c) => c.label),
        rows: result.rows.map((row) => shown.map((c) => reportCellText(c, row[c.name] ?? null))),
      },
      format,
    ),
  };
}
