import type { Permission } from '@/core/auth/roles';
import type { Queryable } from '@/core/db/database';
import { permissionError } from '@/core/errors/app-error';
import type { Viewer } from '@/core/feature';
import { formatRss, formatTable, RSS_CONTENT_TYPE, tableContentType } from './export-table';
import { cellDate, cellText } from './format-query-cell';
import { formatQueryUrl, type QueryFormat, resolveQueryColumns } from './language';
import { loadQueryFields } from './load-query-fields';
import { queryFromParams } from './query-from-params';
import { runTicketQuery } from './run-ticket-query';

/** A file to send: the body with Trac's content type and download name. */
export interface ExportFile {
  body: string;
  contentType: string;
  filename: string;
}

export function assertQueryPermission(viewer: Viewer, permission: Permission) {
  if (!viewer.permissions.has(permission) && !viewer.permissions.has('TRAC_ADMIN')) {
    throw permissionError(permission);
  }
}

/**
 * A query's results as CSV, tab-separated text or RSS, for the same viewers who may see the
 * query page (TICKET_VIEW). Exports hold every match unless the URL gives `max`.
 * Throws a FORBIDDEN AppError, or a QuerySyntaxError for a query that does not parse.
 */
export async function exportTicketQuery(options: {
  db: Queryable;
  viewer: Viewer;
  params: URLSearchParams;
  format: QueryFormat;
  /** The site's public address, for the links in RSS. */
  baseUrl: string;
}): Promise<ExportFile> {
  const { db, viewer, params, format } = options;
  assertQueryPermission(viewer, 'TICKET_VIEW');
  const fields = await loadQueryFields({ db });
  const parsed = queryFromParams(params, fields);
  const query = {
    ...parsed,
    format: undefined,
    max: params.has('max') ? parsed.max : 0,
  };
  const byName = new Map(fields.map((f) => [f.name, f]));
  const base = options.baseUrl.replace(/\/$/, '');

  if (format === 'rss') {
    const columns = resolveQueryColumns(query, fields);
    const wanted = ['summary', 'reporter', 'type', 'time'].filter((n) => byName.has(n));
    const result = await runTicketQuery({
      db,
      user: viewer.name,
      fields,
      query: { ...query, verbose: true, columns: [...new Set([...columns, ...wanted])] },
    });
    const link = `${base}/query?${formatQueryUrl({ ...parsed, format: undefined })}`;
    return {
      contentType: RSS_CONTENT_TYPE,
      filename: 'query.xml',
      body: formatRss({
        title: 'Ticket query',
        link,
        description: 'Tickets matching a query',
        items: result.rows.map((row) => ({
          title: `#${row.id}: ${row.summary ?? ''}`,
          link: `${base}/ticket/${row.id}`,
          description: row.description === null ? undefined : String(row.description ?? ''),
          author: row.reporter === null ? null : String(row.reporter ?? ''),
          category: row.type === null ? null : String(row.type ?? ''),
          pubDate: cellDate(row.time ?? null),
        })),
      }),
    };
  }

  const result = await runTicketQuery({ db, user: viewer.name, fields, query });
  return {
    contentType: tableContentType(format),
    filename: `query.${format === 'csv' ? 'csv' : 'tsv'}`,
    body: formatTable(
      {
        columns: result.columns,
        rows: result.rows.map((row) =>
          result.columns.map((col) => cellText(row[col] ?? null, byName.get(col))),
        ),
      },
      format,
    ),
  };
}
