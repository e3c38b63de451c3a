import type { Queryable } from '@/core/db';
import type { Viewer } from '@/core/feature';
import {
  formatRss,
  formatTableLines,
  RSS_CONTENT_TYPE,
  TABLE_BOM,
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
import { assertReportPermission } from './report-errors';
import { reportVariables } from './report-variables-from-url';
import { MAX_REPORT_PAGE_SIZE, type ReportPool, runReport, streamReport } from './run-report';

/** An export as a string (small files) or a stream of bytes (tables, however long). */
export type ReportExportFile = Omit<ExportFile, 'body'> & {
  body: string | ReadableStream<Uint8Array>;
};

/**
 * A report's rows as CSV, tab-separated text, RSS, or its SQL (`sql`, REPORT_SQL_VIEW), for the
 * viewers who may see the report. CSV and TSV hold every row and are streamed from a database
 * cursor as the client reads them; the RSS feed holds the first MAX_REPORT_PAGE_SIZE rows.
 * Throws the report errors (before any byte is sent).
 */
export async function exportReport(options: {
  db: Queryable;
  pool: ReportPool;
  actor: Viewer;
  id: number;
  params: URLSearchParams;
  format: TableFormat | 'rss' | 'sql';
  baseUrl: string;
  /** How long the export's SQL may run, including the time the client takes to read it. */
  timeoutMs?: number;
}): Promise<ReportExportFile> {
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
  const query = {
    pool: options.pool,
    sql: report.query,
    variables: reportVariables(params, actor.name),
    sort: params.get('sort') ?? undefined,
    asc: params.get('asc') !== '0',
  };
  const base = options.baseUrl.replace(/\/$/, '');
  if (format === 'rss') {
    const result = await runReport({ ...query, max: MAX_REPORT_PAGE_SIZE });
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

  const rows = await streamReport({ ...query, timeoutMs: options.timeoutMs });
  const shown = exportedColumns(describeReportColumns(rows.columns));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(
          encoder.encode(TABLE_BOM + formatTableLines([shown.map((c) => c.label)], format)),
        );
      },
      // Called only when the reader wants more: a slow download reads the cursor slowly.
      async pull(controller) {
        try {
          const batch = await rows.next();
          if (batch.length === 0) {
            await rows.close();
            controller.close();
            return;
          }
          const lines = batch.map((row) =>
            shown.map((c) => reportCellText(c, row[c.name] ?? null)),
          );
          controller.enqueue(encoder.encode(formatTableLines(lines, format)));
        } catch (error) {
          await rows.close();
          controller.error(error);
        }
      },
      async cancel() {
        await rows.close();
      },
    },
    // One batch ahead at most.
    { highWaterMark: 1 },
  );
  return {
    contentType: tableContentType(format),
    filename: `report_${report.id}.${format === 'csv' ? 'csv' : 'tsv'}`,
    body,
  };
}
