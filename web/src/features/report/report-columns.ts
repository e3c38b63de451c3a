import type { ReportCell, ReportRow } from './run-report';

/** How a report column shows, following Trac's naming conventions. */
export interface ReportColumn {
  name: string;
  /** The name without the underscores that carry the convention. */
  label: string;
  /** `_col`: hidden on the page, kept in exports. */
  hidden: boolean;
  /** `col_`: shown on a row of its own under the row. */
  fullRow: boolean;
  kind: 'ticket' | 'summary' | 'report' | 'date' | 'datetime' | 'text';
}

/** Columns that steer the page (`__group__`, `__color__`, ...) and are never shown as data. */
export const SPECIAL_COLUMNS = new Set([
  '__group__',
  '__grouplink__',
  '__color__',
  '__style__',
  '__class__',
  '__fgcolor__',
  '__bgcolor__',
]);

const datetimeNames = new Set(['time', 'changetime', 'created', 'modified', 'datetime']);

/** Reads Trac's conventions from the column names: special, hidden, full-row, linked, dated. */
export function describeReportColumns(columns: readonly string[]): ReportColumn[] {
  return columns
    .filter((name) => !(name.startsWith('__') && name.endsWith('__')))
    .map((name) => {
      const label = name.replace(/^_+|_+$/g, '');
      const hidden = name.startsWith('_');
      const fullRow = !hidden && name.endsWith('_');
      const kind =
        label === 'ticket' || label === 'id'
          ? 'ticket'
          : label === 'summary'
            ? 'summary'
            : label === 'report'
              ? 'report'
              : label === 'date'
                ? 'date'
                : datetimeNames.has(label)
                  ? 'datetime'
                  : 'text';
      return { name, label, hidden, fullRow, kind };
    });
}

/** Columns an export carries: `_col_` (underscores on both ends) is left out, as in Trac. */
export function exportedColumns(columns: readonly ReportColumn[]): ReportColumn[] {
  return columns.filter((c) => !(c.name.startsWith('_') && c.name.endsWith('_')));
}

/** A Trac time cell (microseconds since the epoch) as a date, if it is one. */
export function reportDate(value: ReportCell): Date | null {
  if (value === null || value === '' || typeof value === 'boolean') return null;
  const micros = typeof value === 'number' ? value : Number(value);
  if (Number.isFinite(micros) && micros > 0) return new Date(Math.floor(micros / 1000));
  const parsed = typeof value === 'string' ? new Date(value) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
}

/** A cell as export text: dates in ISO 8601 (UTC). */
export function reportCellText(column: ReportColumn, value: ReportCell): string {
  if (value === null) return '';
  if (column.kind === 'date' || column.kind === 'datetime') {
    const date = reportDate(value);
    if (!date) return String(value);
    return column.kind === 'date'
      ? date.toISOString().slice(0, 10)
      : `${date.toISOString().slice(0, 19)}Z`;
  }
  return String(value);
}

/** The ticket a row is about, from its `ticket` or `id` column. */
export function rowTicket(row: ReportRow): number | null {
  const value = row.ticket ?? row.id ?? row._ticket ?? null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/**
 * A `__style__` value as React style properties. Only plain `property: value` declarations
 * are kept; anything that could load a resource (`url(`, `expression(`, `@import`) is dropped.
 */
export function parseRowStyle(style: ReportCell): Record<string, string> | undefined {
  if (typeof style !== 'string' || style.trim() === '') return undefined;
  const out: Record<string, string> = {};
  for (const declaration of style.split(';')) {
    const match = /^\s*([a-zA-Z-]+)\s*:\s*([^;]+?)\s*$/.exec(declaration);
    if (!match?.[1] || !match[2]) continue;
    const value = match[2];
    if (/url\s*\(|expression\s*\(|@import|[<>\\]/i.test(value)) continue;
    const property = match[1].toLowerCase().replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    out[property] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
