import { redirect } from 'next/navigation';
import { requirePermission } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { readSiteConfig } from '@/core/db/site-config';
import type { Feature } from '@/core/feature';
import { renderWikiTexts } from '@/core/wiki-render/render-wiki-text';
import {
  createQuery,
  formatQueryUrl,
  type Query,
  QuerySyntaxError,
  resolveQueryColumns,
} from '@/features/query/language';
import { loadQueryFields } from '@/features/query/load-query-fields';
import {
  exportFormatOf,
  paramsFromRecord,
  queryFromParams,
} from '@/features/query/query-from-params';
import { runTicketQuery, type TicketQueryResult } from '@/features/query/run-ticket-query';
import { BATCH_FORM_ID, BatchModifyForm } from '@/features/query/ui/batch-modify-form';
import { type BuilderField, QueryBuilder } from '@/features/query/ui/query-builder';
import { QueryResults } from '@/features/query/ui/query-results';
import { TicketsContextNav } from '@/features/query/ui/tickets-context-nav';
import { loadCustomFields } from '@/features/ticket/custom-fields';
import { loadWorkflow } from '@/features/ticket/workflow';
import '@/features/query/ui/query.css';

export type QueryScreenProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function QueryScreen({
  searchParams,
  features,
}: QueryScreenProps & {
  /** The features whose links, macros and sources the page shows. */
  features: readonly Feature[];
}) {
  const params = paramsFromRecord(await searchParams);
  const here = `/query${params.size > 0 ? `?${params}` : ''}`;
  const viewer = await requirePermission('TICKET_VIEW', here);
  // Trac's export URLs (`/query?...&format=csv`) keep working: the file comes from a route.
  if (exportFormatOf(params)) redirect(`/query/export?${params}`);

  const db = getDb();
  const fields = await loadQueryFields({ db });
  let query: Query = createQuery();
  let result: TicketQueryResult | undefined;
  let error: string | undefined;
  try {
    query = queryFromParams(params, fields);
    result = await runTicketQuery({ db, query, fields, user: viewer.user?.username ?? null });
  } catch (caught) {
    if (!(caught instanceof QuerySyntaxError)) throw caught;
    error = caught.message;
  }

  const rows = result?.rows ?? [];
  // One prefetch for all the listed texts rather than one per ticket.
  const renderAll = async (texts: string[], flavour?: 'oneliner') => {
    const present = rows.flatMap((row, index) =>
      texts[index]
        ? [{ text: texts[index]!, context: { realm: 'ticket', id: String(row.id) } }]
        : [],
    );
    const html = await renderWikiTexts({ features, db, viewer, texts: present, flavour });
    let next = 0;
    return rows.map((row, index) => [row.id, texts[index] ? html[next++]! : ''] as const);
  };
  const [summaries, descriptions] = await Promise.all([
    renderAll(
      rows.map((row) => String(row.summary ?? '')),
      'oneliner',
    ),
    query.verbose ? renderAll(rows.map((row) => String(row.description ?? ''))) : [],
  ]);

  let columns: string[] = [];
  try {
    columns = result?.columns ?? resolveQueryColumns(query, fields);
  } catch {
    columns = [];
  }
  const builderFields: BuilderField[] = [
    { name: 'id', label: 'Ticket', type: 'id' },
    ...fields.map((f) => ({ name: f.name, label: f.label, type: f.type, options: f.options })),
  ];
  // Trac shows Batch Modify to those holding TICKET_BATCH_MODIFY, under the results.
  const batch =
    result && result.rows.length > 0 && viewer.permissions.has('TICKET_BATCH_MODIFY')
      ? await Promise.all([
          readSiteConfig({ db, name: 'custom-fields', load: () => loadCustomFields({ db }) }),
          readSiteConfig({ db, name: 'workflow', load: () => loadWorkflow({ db }) }),
        ])
      : null;
  const exportUrl = (format: 'csv' | 'tab' | 'rss') =>
    `/query?${formatQueryUrl({ ...query, page: undefined, max: undefined, format })}`;

  return (
    <div className="query-page">
      <TicketsContextNav current="query" canViewReports={viewer.permissions.has('REPORT_VIEW')} />
      <h1>
        Custom Query{' '}
        {result && (
          <span className="numrows">
            ({result.total} match{result.total === 1 ? '' : 'es'})
          </span>
        )}
      </h1>
      {error && (
        <div className="notice error" role="alert">
          <strong>Error: Invalid query.</strong> {error}
        </div>
      )}
      <QueryBuilder
        key={params.toString()}
        fields={builderFields}
        initial={{
          groups: query.groups,
          columns: columns.filter((c) => c !== 'id'),
          order: query.order ?? result?.order ?? 'priority',
          desc: query.desc,
          group: query.group ?? '',
          groupDesc: query.groupDesc,
          max: String(query.max ?? 100),
          verbose: query.verbose,
        }}
      />
      {result && (
        <QueryResults
          query={query}
          result={result}
          fields={fields}
          summaries={new Map(summaries)}
          descriptions={new Map(descriptions)}
          batchFormId={batch ? BATCH_FORM_ID : undefined}
        />
      )}
      {batch && (
        <BatchModifyForm
          fields={fields}
          customFieldNames={batch[0].map((field) => field.name)}
          workflow={batch[1]}
          resolutions={fields.find((field) => field.name === 'resolution')?.options ?? []}
        />
      )}
      {result && (
        <div className="alt-formats">
          <span>Download in other formats:</span>
          <ul>
            <li>
              <a href={exportUrl('rss')}>RSS Feed</a>
            </li>
            <li>
              <a href={exportUrl('csv')}>Comma-delimited Text</a>
            </li>
            <li>
              <a href={exportUrl('tab')}>Tab-delimited Text</a>
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}
