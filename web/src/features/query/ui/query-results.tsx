import { Fragment } from 'react';
import { WikiContent } from '@/core/wiki-render/wiki-content';
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

// Plain links throughout: a page of results needs no client-side navigation per ticket.
function Cell(props: {
  column: string;
  row: QueryRow;
  field: SiteQueryField | undefined;
  summary: string | undefined;
}) {
  const { column, row, field } = props;
  const value = row[column] ?? null;
  if (column === 'id') {
    return (
      <td className="id">
        <a href={`/ticket/${row.id}`} title={`View ticket #${row.id}`}>
          #{row.id}
        </a>
      </td>
    );
  }
  if (column === 'summary') {
    const html = props.summary;
    return (
      <td className="summary">
        {html?.includes('<a ') ? (
          <WikiContent html={html} className="oneliner" />
        ) : (
          <a href={`/ticket/${row.id}`}>
            {html ? <WikiContent html={html} className="oneliner" /> : String(value ?? '')}
          </a>
        )}
      </td>
    );
  }
  if (field?.type === 'time') {
    const date = cellDate(value);
    return (
      <td className={`col-${column}`}>
        {date && (
          <time dateTime={date.toISOString()} title={date.toISOString()}>
            {date.toISOString().slice(0, 10)}
          </time>
        )}
      </td>
    );
  }
  if (field?.type === 'checkbox') {
    return <td className={`col-${column}`}>{value === '1' ? 'yes' : value === '0' ? 'no' : ''}</td>;
  }
  return <td className={`col-${column}`}>{value === null ? '' : String(value)}</td>;
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
              <tbody>
                {group.rows.map((row, index) => {
                  const description = props.descriptions.get(row.id);
                  const classes = [
                    index % 2 === 0 ? 'odd' : 'even',
                    priorityClass(row, priorities),
                    row.status === 'closed' ? 'closed' : undefined,
                  ]
                    .filter(Boolean)
                    .join(' ');
                  return (
                    <Fragment key={row.id}>
                      <tr className={classes}>
                        {selectable && (
                          <td className="sel">
                            <input
                              type="checkbox"
                              name="ticket"
                              value={row.id}
                              form={props.batchFormId}
                              aria-label={`Select ticket #${row.id}`}
                            />
                          </td>
                        )}
                        {result.columns.map((column) => (
                          <Cell
                            key={column}
                            column={column}
                            row={row}
                            field={byName.get(column)}
                            summary={props.summaries.get(row.id)}
                          />
                        ))}
                      </tr>
                      {query.verbose && (
                        <tr className={`${classes} fullrow`}>
                          <td colSpan={span}>
                            {description ? (
                              <WikiContent html={description} />
                            ) : (
                              <p className="muted">No description.</p>
                            )}
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
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
