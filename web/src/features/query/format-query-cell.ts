import type { QueryField } from './language';
import type { QueryCell } from './run-ticket-query';

/** Trac time from a cell: `time` columns hold microseconds, custom time fields a padded string. */
export function cellDate(value: QueryCell): Date | null {
  if (value === null || value === '') return null;
  const micros = typeof value === 'number' ? value : /^\d{1,18}$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(micros) || micros === 0) return null;
  return new Date(Math.floor(micros / 1000));
}

/** A cell as plain text for exports: dates in ISO 8601 (UTC), checkboxes as 1/0. */
export function cellText(value: QueryCell, field: QueryField | undefined): string {
  if (value === null) return '';
  if (field?.type === 'time') {
    const date = cellDate(value);
    return date ? `${date.toISOString().slice(0, 19)}Z` : '';
  }
  return String(value);
}
