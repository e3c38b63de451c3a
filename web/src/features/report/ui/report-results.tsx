import Link from 'next/link';
import { Fragment } from 'react';
import { Pager } from '@/features/query/ui/pager';
import {
  describeReportColumns,
  parseRowStyle,
  type ReportColumn,
  reportDate,
  rowTicket,
} from '../report-columns';
import type { ReportCell, ReportResult, ReportRow } from '../run-report';

/** Trac shows `created` as "Created" and `_due_date` as "Due date". */
const headingOf = (label: string) =>
  `${label.charAt(0).toUpperCase()}${label.slice(1)}`.replace(/_/g, ' ');

function Cell(props: { column: ReportColumn; value: ReportCell; row: ReportRow }) {
  const { column, value, row } = props;
  if (value === null) return <td className={`col-${column.label}`} />;
  const text = String(value);
  switch (column.kind) {
    case 'ticket': {
      const id = Number(value);
      return (
        <td className="ticket">
          {Number.isSafeInteger(id) && id > 0 ? (
            <Link href={`/ticket/${id}`} title={`View ticket #${id}`}>
              #{id}
            </Link>
          ) : (
            text
          )}
        </td>
      );
    }
    case 'summary': {
      const ticket = rowTicket(row);
      return (
        <td className="summary">
          {ticket ? <Link href={`/ticket/${ticket}`}>{text}</Link> : text}
        </td>
      );
    }
    case 'report':
      return (
        <td className="report">
          <Link href={`/report/${encodeURIComponent(text)}`}>{`{${text}}`}</Link>
        </td>
      );
    case 'date':
    case 'datetime': {
      const date = reportDate(value);
      if (!date) return <td className={`col-${column.label}`}>{text}</td>;
      const iso = date.toISOString();
      return (
        <td className={`col-${column.label}`}>
          <time dateTime={iso} title={iso}>
            {column.kind === 'date' ? iso.slice(0, 10) : `${iso.slice(0, 16).replace('T', ' ')}`}
          </time>
        </td>
      );
    }
    default:
      return <td className={`col-${column.label}`}>{text}</td>;
  }
}

/** A report's rows as Trac lays them out: groups, priority colours, full-row columns. */
export function ReportResults(props: {
  result: ReportResult;
  hrefFor: (change: { sort?: string; asc?: boolean; page?: number }) => string;
}) {
  const { result, hrefFor } = props;
  const columns = describeReportColumns(result.columns);
  const shown = columns.filter((c) => !c.hidden && !c.fullRow);
  const fullRows = columns.filter((c) => c.fullRow);
  const hasGroups = result.columns.includes('__group__');

  const groups: Array<{ value: string; link: string | null; rows: ReportRow[] }> = [];
  for (const row of result.rows) {
    const value = hasGroups ? String(row.__group__ ?? '') : '';
    const last = groups[groups.length - 1];
    if (last && last.value === value) last.rows.push(row);
    else {
      const link = typeof row.__grouplink__ === 'string' ? row.__grouplink__ : null;
      groups.push({ value, link, rows: [row] });
    }
  }
  // Without rows the table still shows its column headers, as Trac's does.
  if (groups.length === 0) groups.push({ value: '', link: null, rows: [] });
  const pager = (
    <Pager
      total={result.total}
      page={result.page}
      limit={result.limit}
      hrefFor={(page) => hrefFor({ page })}
    />
  );

  return (
    <div className="report-results">
      {result.requestedMax !== null && result.total > result.limit && (
        <p className="notice" role="status" data-testid="report-page-cap">
          {`Showing ${result.rows.length} of ${result.total} rows on this page: a page holds at most ${result.limit} rows${result.requestedMax === 0 ? '' : ` (${result.requestedMax} were asked for)`}. Use the pages below, or download the report as CSV or tab-delimited text for every row.`}
        </p>
      )}
      {pager}
      {result.rows.length === 0 && <p className="notice">No matches found.</p>}
      {groups.map((group, g) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a group value may repeat after sorting
        <section key={g} className="result-group">
          {hasGroups && group.rows.length > 0 && (
            <h2 className="report-result">
              {group.link?.startsWith('/') ? (
                <Link href={group.link}>{group.value || '(none)'}</Link>
              ) : (
                group.value || <em>(none)</em>
              )}{' '}
              <span className="numrows">
                ({group.rows.length} match{group.rows.length === 1 ? '' : 'es'})
              </span>
            </h2>
          )}
          <div className="table-scroll">
            <table className="listing tickets">
              <thead>
                <tr>
                  {shown.map((column) => {
                    const sorted = result.sort === column.name;
                    const direction = sorted ? (result.asc ? 'asc' : 'desc') : undefined;
                    return (
                      <th key={column.name} scope="col" className={direction}>
                        <Link
                          href={hrefFor({ sort: column.name, asc: sorted ? !result.asc : true })}
                          title={`Sort by ${column.label}`}
                        >
                          {headingOf(column.label)}
                        </Link>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {group.rows.map((row, index) => {
                  const color = Number(row.__color__);
                  const classes = [
                    index % 2 === 0 ? 'odd' : 'even',
                    Number.isInteger(color) && color > 0 ? `prio${Math.min(color, 6)}` : undefined,
                    typeof row.__class__ === 'string' ? row.__class__ : undefined,
                  ]
                    .filter(Boolean)
                    .join(' ');
                  const style = parseRowStyle(row.__style__ ?? null);
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: report rows have no key of their own
                    <Fragment key={index}>
                      <tr className={classes} style={style}>
                        {shown.map((column) => (
                          <Cell
                            key={column.name}
                            column={column}
                            value={row[column.name] ?? null}
                            row={row}
                          />
                        ))}
                      </tr>
                      {fullRows.map((column) =>
                        row[column.name] === null || row[column.name] === '' ? null : (
                          <tr key={column.name} className={`${classes} fullrow`} style={style}>
                            <td colSpan={shown.length}>
                              <span className="fullrow-label">{headingOf(column.label)}:</span>{' '}
                              <span className="fullrow-text">{String(row[column.name])}</span>
                            </td>
                          </tr>
                        ),
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {result.rows.length > 0 && pager}
    </div>
  );
}
