import type { Db } from '@learntrac/db';
import { ReportError } from './report-errors';
import { bindReportVariables } from './report-variables';

export type ReportCell = string | number | boolean | null;
export type ReportRow = Record<string, ReportCell>;

export interface ReportResult {
  /** Every column the SQL returned, special ones included, in the SQL's order. */
  columns: string[];
  rows: ReportRow[];
  /** Rows over all pages. */
  total: number;
  page: number;
  /** Page size; null when all rows are on one page. */
  limit: number | null;
  sort: string | undefined;
  asc: boolean;
}

export interface RunReportOptions {
  db: Db;
  sql: string;
  /** Values of `$NAME` variables: URL arguments and `USER`. */
  variables: Readonly<Record<string, string>>;
  /** A result column to sort by (Trac's `sort`), ascending unless `asc` is false. */
  sort?: string;
  asc?: boolean;
  /** Page size; 0 for every row. */
  max?: number;
  page?: number;
  /** How long the SQL may run, in milliseconds. */
  timeoutMs?: number;
}

function cell(value: unknown): ReportCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    return value;
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value.constructor?.name !== 'Object') return String(value);
  return JSON.stringify(value);
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The message of a database error, without the client library's framing. */
function databaseMessage(error: unknown): string {
  const meta = (error as { meta?: { message?: unknown } }).meta;
  if (typeof meta?.message === 'string') return meta.message;
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').filter((line) => line.trim() !== '');
  return lines[lines.length - 1] ?? message;
}

/**
 * Runs a report's SQL for one viewer: inside a read-only transaction with a statement timeout,
 * with `$NAME` variables bound as parameters, sorted and paged around the report's own SQL.
 * Whatever the database refuses comes back as a ReportError with its message.
 */
export async function runReport(options: RunReportOptions): Promise<ReportResult> {
  const source = options.sql.trim().replace(/;\s*$/, '');
  if (source === '') throw new ReportError('This report has no SQL query.');
  const bound = bindReportVariables(source, (name) => options.variables[name]);
  const max = options.max ?? 100;
  const limit = max === 0 ? null : max;
  const page = limit === null ? 1 : Math.max(1, options.page ?? 1);
  const asc = options.asc ?? true;
  const sort = options.sort && options.sort !== '' ? options.sort : undefined;
  const timeoutMs = Math.max(100, Math.floor(options.timeoutMs ?? 10_000));

  const inner = `(\n${bound.text}\n) AS report`;
  const order = sort ? `\nORDER BY ${quoteIdentifier(sort)} ${asc ? 'ASC' : 'DESC'}` : '';
  const paging = limit === null ? '' : `\nLIMIT ${limit} OFFSET ${(page - 1) * limit}`;

  let raw: Record<string, unknown>[];
  let total: number;
  try {
    [raw, total] = await options.db.$transaction(
      async (tx) => {
        // The report is a query: nothing it runs may write, and it may not run for ever.
        await tx.$executeRawUnsafe('SET TRANSACTION READ ONLY');
        await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${timeoutMs}`);
        const counted = await tx.$queryRawUnsafe<{ total: bigint | number }[]>(
          `SELECT COUNT(*) AS total FROM ${inner}`,
          ...bound.values,
        );
        const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(
          `SELECT * FROM ${inner}${order}${paging}`,
          ...bound.values,
        );
        return [rows, Number(counted[0]?.total ?? 0)] as const;
      },
      { timeout: timeoutMs + 5_000, maxWait: 5_000 },
    );
  } catch (error) {
    throw new ReportError(`Report execution failed: ${databaseMessage(error)}`);
  }
  if (page > 1 && raw.length === 0) {
    throw new ReportError(`Page ${page} is beyond the last page of this report.`);
  }
  const rows = raw.map((row) => {
    const out: ReportRow = {};
    for (const [key, value] of Object.entries(row)) out[key] = cell(value);
    return out;
  });
  return {
    columns: raw[0] ? Object.keys(raw[0]) : [],
    rows,
    total,
    page,
    limit,
    sort,
    asc,
  };
}
