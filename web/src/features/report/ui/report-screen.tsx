import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { requirePermission } from '@/core/auth/current-user';
import { getDb, getReportPool } from '@/core/db';
import { isAppError } from '@/core/errors/app-error';
import type { Feature } from '@/core/feature';
import { renderWikiText } from '@/core/wiki-render/render-wiki-text';
import { WikiContent } from '@/core/wiki-render/wiki-content';
import { paramsFromRecord } from '@/features/query/query-from-params';
import { TicketsContextNav } from '@/features/query/ui/tickets-context-nav';
import { getReport } from '@/features/report/get-report';
import { reportVariables } from '@/features/report/report-variables-from-url';
import {
  DEFAULT_REPORT_PAGE_SIZE,
  type ReportResult,
  runReport,
} from '@/features/report/run-report';
import { ReportResults } from '@/features/report/ui/report-results';
import '@/features/query/ui/query.css';
import '@/features/report/ui/report.css';

export type ReportScreenProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function reportPageMetadata({ params }: ReportScreenProps) {
  return { title: `Report {${(await params).id}}` };
}

const EXPORTS = new Set(['csv', 'tab', 'rss', 'sql']);

export async function ReportScreen({
  params,
  searchParams,
  features,
}: ReportScreenProps & {
  /** The features whose links, macros and sources the page shows. */
  features: readonly Feature[];
}) {
  const { id: rawId } = await params;
  const search = paramsFromRecord(await searchParams);
  const id = /^\d{1,10}$/.test(rawId) ? Number(rawId) : Number.NaN;
  const viewer = await requirePermission('REPORT_VIEW', `/report/${rawId}`);
  if (!Number.isSafeInteger(id)) notFound();
  const format = search.get('format');
  if (format && EXPORTS.has(format)) redirect(`/report/${id}/export?${search}`);

  const db = getDb();
  const actor = viewer;
  let report: Awaited<ReturnType<typeof getReport>>;
  try {
    report = await getReport({ db, actor, id });
  } catch (error) {
    if (isAppError(error, 'NOT_FOUND')) notFound();
    throw error;
  }
  // A report saved as a query (`query:?status=new`) opens on the query page, as in Trac.
  const savedQuery = /^query:\??/.exec(report.query.trim());
  if (savedQuery) {
    const rest = report.query.trim().slice(savedQuery[0].length);
    redirect(`/query?${rest}${rest ? '&' : ''}report=${id}`);
  }

  const max = Number.parseInt(search.get('max') ?? '', 10);
  const page = Number.parseInt(search.get('page') ?? '', 10);
  let result: ReportResult | undefined;
  let error: string | undefined;
  let unavailable: string | undefined;
  try {
    result = await runReport({
      pool: getReportPool(),
      sql: report.query,
      variables: reportVariables(search, actor.name),
      sort: search.get('sort') ?? undefined,
      asc: search.get('asc') !== '0',
      max: Number.isSafeInteger(max) && max >= 0 ? max : DEFAULT_REPORT_PAGE_SIZE,
      page: Number.isSafeInteger(page) && page > 0 ? page : 1,
    });
  } catch (caught) {
    if (isAppError(caught, 'SERVICE_UNAVAILABLE')) unavailable = caught.message;
    else if (isAppError(caught, 'INVALID_INPUT')) error = caught.message;
    else throw caught;
  }
  const descriptionHtml = report.description
    ? await renderWikiText({
        features,
        db,
        viewer,
        text: report.description,
        context: { realm: 'report', id: String(id) },
      })
    : '';

  const hrefFor = (change: { sort?: string; asc?: boolean; page?: number }) => {
    const next = new URLSearchParams(search);
    if (change.sort !== undefined) {
      next.set('sort', change.sort);
      next.set('asc', change.asc === false ? '0' : '1');
      next.delete('page');
    }
    if (change.page !== undefined) {
      if (change.page === 1) next.delete('page');
      else next.set('page', String(change.page));
    }
    const text = next.toString();
    return `/report/${id}${text ? `?${text}` : ''}`;
  };
  const exportHref = (kind: string) => {
    const next = new URLSearchParams(search);
    next.delete('page');
    next.set('format', kind);
    return `/report/${id}?${next}`;
  };
  const can = (permission: string) =>
    viewer.permissions.has(permission as never) || viewer.permissions.has('TRAC_ADMIN');

  return (
    <div className="report-page">
      <TicketsContextNav canViewReports />
      <h1>
        {`{${id}} ${report.title}`}{' '}
        {result && (
          <span className="numrows">
            ({result.total} match{result.total === 1 ? '' : 'es'})
          </span>
        )}
      </h1>
      {descriptionHtml && (
        <div className="report-description">
          <WikiContent html={descriptionHtml} />
        </div>
      )}
      <div className="report-actions">
        {can('REPORT_MODIFY') && <Link href={`/report/${id}/edit`}>Edit report</Link>}
        {can('REPORT_CREATE') && <Link href={`/report/new?copy=${id}`}>Copy report</Link>}
        {can('REPORT_DELETE') && <Link href={`/report/${id}/delete`}>Delete report</Link>}
        <Link href="/report">All reports</Link>
      </div>
      {error && (
        <div className="notice error" role="alert">
          <strong>Report failed.</strong> {error}
        </div>
      )}
      {unavailable && (
        <div className="notice error" role="alert" data-testid="report-unavailable">
          <strong>Report not run.</strong> {unavailable}
        </div>
      )}
      {result && <ReportResults result={result} hrefFor={hrefFor} />}
      {can('REPORT_SQL_VIEW') && (
        <details className="report-sql">
          <summary>SQL query</summary>
          <pre>{report.query}</pre>
        </details>
      )}
      <div className="alt-formats">
        <span>Download in other formats:</span>
        <ul>
          <li>
            <a href={exportHref('rss')}>RSS Feed</a>
          </li>
          <li>
            <a href={exportHref('csv')}>Comma-delimited Text</a>
          </li>
          <li>
            <a href={exportHref('tab')}>Tab-delimited Text</a>
          </li>
          {can('REPORT_SQL_VIEW') && (
            <li>
              <a href={exportHref('sql')}>SQL Query</a>
            </li>
          )}
        </ul>
      </div>
    </div>
  );
}
