import '@/core/wiki-render/wiki-content.css';
import { escapeAttr } from '@/wiki-engine';
import { cellDate } from '../format-query-cell';
import { formatQueryUrl, type Query } from '../language';
import type { SiteQueryField } from '../load-query-fields';
import type { QueryRow, TicketQueryResult } from '../run-ticket-query';
import { Pager } from './pager';

export interface QueryResultsProps {
  query: Query;
  result: TicketQueryResult;
  fields: readonly SiteQueryField[];
  /** Ticket id -> the summary rendered as a wiki one-liner. */
  summaries: ReadonlyMap<number, string>;
  /** Ticket id -> the description rendered as wiki text (verbose only). */
  descriptions: ReadonlyMap<number, string>;
  /** The id of the batch-modify form the rows' checkboxes belong to; absent, no checkboxes. */
  batchFormId?: string;
}

const hrefOf = (query: Query) => `/query?${formatQueryUrl({ ...query, format: undefined })}`;

function labelOf(name: string, fields: readonly SiteQueryField[]) {
  if (name === 'id') return 'Ticket';
  return fields.find((f) => f.name === name)?.label ?? name;
}

/** Trac colours rows by the priority's position: prio1 (highest) to prio5 and beyond. */
function priorityClass(row: QueryRow, priorities: readonly string[]): string | undefined {
  const index = priorities.indexOf(String(row.priority ?? ''));
  return index < 0 ? undefined : `prio${Math.min(index + 1, 6)}`;
}

const wikiDiv = (html: string, extra = '') =>
  `<div class="wikipage searchable${extra}">${html}</div>`;

/** One cell as HTML; summaries arrive as HTML the wiki formatter has already made safe. */
function cellHtml(
  column: string,
  row: QueryRow,
  field: SiteQueryField | undefined,
  summary?: string,
) {
  const value = row[column] ?? null;
  if (column === 'id') {
    return `<td class="id"><a href="/ticket/${row.id}" title="View ticket #${row.id}">#${row.id}</a></td>`;
  }
  if (column === 'summary') {
    if (summary?.includes('<a '))
      return `<td class="summary">${wikiDiv(summary, ' oneliner')}</td>`;
    // Most summaries are plain words: the wiki frame is only worth its bytes around markup.
    const inner = summary?.includes('<')
      ? wikiDiv(summary, ' oneliner')
      : (summary ?? escapeAttr(String(value ?? '')));
    return `<td class="summary"><a href="/ticket/${row.id}">${inner}</a></td>`;
  }
  const cls = escapeAttr(`col-${column}`);
  if (field?.type === 'time') {
    const date = cellDate(value);
    const iso = date?.toISOString();
    return `<td class="${cls}">${iso ? `<time datetime="${iso}" title="${iso}">${iso.slice(0, 10)}</time>` : ''}</td>`;
  }
  if (field?.type === 'checkbox') {
    return `<td class="${cls}">${value === '1' ? 'yes' : value === '0' ? 'no' : ''}</td>`;
  }
  return `<td class="${cls}">${value === null ? '' : escapeAttr(String(value))}</td>`;
}

/**
 * A group's rows as one HTML string: a page of results is hundreds of cells, and as React
 * elements they cost the server most of the request and reach the browser twice.
 */
export function renderQueryRows(options: {
  rows: readonly QueryRow[];
  columns: readonly string[];
  byName: ReadonlyMap<string, SiteQueryField>;
  priorities: readonly string[];
  props: QueryResultsProps;
  span: number;
}) {
  const { props } = options;
  const parts: string[] = [];
  options.rows.forEach((row, index) => {
    const classes = [
      index % 2 === 0 ? 'odd' : 'even',
      priorityClass(row, options.priorities),
      row.status === 'closed' ? 'closed' : undefined,
    ]
      .filter(Boolean)
      .join(' ');
    parts.push(`<tr class="${classes}">`);
    if (props.batchFormId) {
      parts.push(
        `<td class="sel"><input type="checkbox" name="ticket" value="${row.id}" form="${escapeAttr(props.batchFormId)}" aria-label="Select ticket #${row.id}"/></td>`,
      );
    }
    for (const column of options.columns) {
      parts.push(cellHtml(column, row, options.byName.get(column), props.summaries.get(row.id)));
    }
    parts.push('</tr>');
    if (props.query.verbose) {
      const description = props.descriptions.get(row.id);
      parts.push(
        `<tr class="${classes} fullrow"><td colspan="${options.span}">${
          description ? wikiDiv(description) : '<p class="muted">No description.</p>'
        }</td></tr>`,
      );
    }
  });
  return parts.join('');
}

/** The results of a query: sortable headers, group headings with counts, paging. */
export function QueryResults(props: QueryResultsProps) {
  const { query, result, fields } = props;
  const byName = new Map(fields.map((f) => [f.name, f]));
  const priorities = byName.get('priority')?.options ?? [];
  const groupField = query.group;

  const groups: Array<{ value: string; rows: QueryRow[] }> = [];
  for (const row of result.rows) {
    const value = groupField ? String(row[groupField] ?? '') : '';
    const last = groups[groups.length - 1];
    if (last && last.value === value) last.rows.push(row);
    else groups.push({ value, rows: [row] });
  }

  const sortHref = (column: string) =>
    hrefOf({
      ...query,
      order: column,
      desc: result.order === column ? !query.desc : false,
      page: undefined,
    });
  const selectable = Boolean(props.batchFormId);
  const span = result.columns.length + (selectable ? 1 : 0);

  return (
    <div className="query-results">
      <Pager
        total={result.total}
        page={result.page}
        limit={result.limit}
        hrefFor={(page) => hrefOf({ ...query, page: page === 1 ? undefined : page })}
      />
      {result.rows.length === 0 && <p className="notice">No tickets match this query.</p>}
      {groups.map((group) => (
        <section key={`${groupField}:${group.value}`} className="result-group">
          {groupField && (
            <h2 className="report-result">
              {labelOf(groupField, fields)}: {group.value === '' ? <em>(none)</em> : group.value}{' '}
              <span className="numrows">
                ({group.rows.length} match{group.rows.length === 1 ? '' : 'es'})
              </span>
            </h2>
          )}
          <div className="table-scroll">
            <table className="listing tickets">
              <thead>
                <tr>
                  {selectable && (
                    <th scope="col" className="sel">
                      <span className="visually-hidden">Select for batch modify</span>
                    </th>
                  )}
                  {result.columns.map((column) => {
                    const sorted = result.order === column;
                    const direction = sorted ? (query.desc ? 'desc' : 'asc') : undefined;
                    return (
                      <th
                        key={column}
                        scope="col"
                        className={direction}
                        aria-sort={
                          direction === 'asc'
                            ? 'ascending'
                            : direction === 'desc'
                              ? 'descending'
                              : undefined
                        }
                      >
                        <a href={sortHref(column)} title={`Sort by ${labelOf(column, fields)}`}>
                          {labelOf(column, fields)}
                        </a>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody
                // biome-ignore lint/security/noDangerouslySetInnerHtml: renderQueryRows escapes every value; summaries come sanitised from the wiki formatter
                dangerouslySetInnerHTML={{
                  __html: renderQueryRows({
                    rows: group.rows,
                    columns: result.columns,
                    byName,
                    priorities,
                    props,
                    span,
                  }),
                }}
              />
            </table>
          </div>
        </section>
      ))}
      {result.rows.length > 0 && (
        <Pager
          total={result.total}
          page={result.page}
          limit={result.limit}
          hrefFor={(page) => hrefOf({ ...query, page: page === 1 ? undefined : page })}
        />
      )}
    </div>
  );
}
