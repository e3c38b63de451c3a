import type { Queryable } from '@/core/db';
import {
  buildQuerySql,
  type Query,
  type QueryField,
  QuerySyntaxError,
  TOTAL_COLUMN,
} from './language';

export type QueryCell = string | number | null;
export type QueryRow = Record<string, QueryCell> & { id: number };

export interface TicketQueryResult {
  /** The columns to show, `id` first. */
  columns: string[];
  rows: QueryRow[];
  /** Matches over all pages. */
  total: number;
  page: number;
  /** Page size; null when every match is on one page (`max=0`). */
  limit: number | null;
  order: string;
}

function cell(value: unknown): QueryCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return value;
  return String(value);
}

/**
 * Runs a parsed query: one page of tickets and how many match in all, in one statement. A page
 * beyond the last is a QuerySyntaxError, as Trac reports it, rather than an empty table.
 */
export async function runTicketQuery(options: {
  db: Queryable;
  query: Query;
  fields: readonly QueryField[];
  /** The viewer's Trac name, for `$USER`. */
  user: string | null;
  now?: Date;
}): Promise<TicketQueryResult> {
  const sql = buildQuerySql(options.query, {
    fields: options.fields,
    user: options.user ?? 'anonymous',
    now: options.now,
  });
  const rows = await options.db.query<Record<string, unknown>>(sql.select);
  let total = sql.limit === null ? rows.length : Number(rows[0]?.[TOTAL_COLUMN] ?? 0);
  // An empty page past the first carries no count: only then is it read on its own.
  if (rows.length === 0 && sql.page > 1) {
    const counted = await options.db.query<{ total: number }>(sql.count);
    total = Number(counted[0]?.total ?? 0);
  }
  if (sql.page > 1 && sql.offset >= total) {
    const pages = sql.limit ? Math.max(1, Math.ceil(total / sql.limit)) : 1;
    throw new QuerySyntaxError(
      `Page ${sql.page} is beyond the last page of this query (${pages} page${pages === 1 ? '' : 's'})`,
      { field: 'page' },
    );
  }
  return {
    columns: sql.columns,
    rows: rows.map((row) => {
      const out: Record<string, QueryCell> = {};
      for (const [key, value] of Object.entries(row)) {
        if (key !== TOTAL_COLUMN) out[key] = cell(value);
      }
      return { ...out, id: Number(row.id) };
    }),
    total,
    page: sql.page,
    limit: sql.limit,
    order: sql.order,
  };
}
