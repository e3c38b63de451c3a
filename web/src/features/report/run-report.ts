import pg from 'pg';
import { ReportError } from './report-errors';
import { assertReportSqlAllowed } from './report-sql-guard';
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
  pool: ReportPool;
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

/** The database role report SQL runs as (created by the report-role migration). */
export const REPORT_ROLE = 'learntrac_report';

/** Where reports get their connections: a node-postgres pool. */
export type ReportPool = Pick<pg.Pool, 'connect'>;

// node-postgres sends a query without parameters as a simple query, which may hold several
// statements; the extended protocol (a prepared statement) allows exactly one.
const EXTENDED = { queryMode: 'extended' } as const;

// Report cells: whole numbers as numbers when they fit, calendar dates as their text,
// everything else as node-postgres parses it.
const BIGINT_OID = 20;
const DATE_OID = 1082;
const reportTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === BIGINT_OID) {
      return (text: string) => {
        const n = Number(text);
        return Number.isSafeInteger(n) ? n : text;
      };
    }
    if (oid === DATE_OID) return (text: string) => text;
    return format === 'binary'
      ? pg.types.getTypeParser(oid, 'binary')
      : pg.types.getTypeParser(oid, 'text');
  },
} as pg.CustomTypesConfig;

/** The message of a database error, without the client library's framing. */
function databaseMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').filter((line) => line.trim() !== '');
  return lines[lines.length - 1] ?? message;
}

/**
 * Runs a report's SQL for one viewer: inside a read-only transaction with a statement timeout,
 * as the restricted report role, with `$NAME` variables bound as parameters, sorted and paged
 * around the report's own SQL. Whatever the database refuses comes back as a ReportError with
 * its message. The columns are the ones PostgreSQL describes, so a report without rows still
 * has its headers.
 */
export async function runReport(options: RunReportOptions): Promise<ReportResult> {
  const source = options.sql.trim().replace(/;\s*$/, '');
  if (source === '') throw new ReportError('This report has no SQL query.');
  assertReportSqlAllowed(source);
  const bound = bindReportVariables(source, (name) => options.variables[name]);
  const max = options.max ?? 100;
  const limit = max === 0 ? null : max;
  const page = limit === null ? 1 : Math.max(1, options.page ?? 1);
  const asc = options.asc ?? true;
  const sort = options.sort && options.sort !== '' ? options.sort : undefined;
  const timeoutMs = Math.max(100, Math.floor(options.timeoutMs ?? 10_000));

  // Wrapped as a subquery and sent as a prepared statement, the SQL can only be one SELECT (or
  // VALUES/TABLE): SET ROLE or any other command is a syntax error, and SQL that closes the
  // subquery itself to add statements is refused by PostgreSQL.
  const inner = `(\n${bound.text}\n) AS report`;
  const order = sort ? `\nORDER BY ${quoteIdentifier(sort)} ${asc ? 'ASC' : 'DESC'}` : '';
  const paging = limit === null ? '' : `\nLIMIT ${limit} OFFSET ${(page - 1) * limit}`;

  const client = await options.pool.connect();
  let broken: Error | undefined;
  let result: pg.QueryResult<Record<string, unknown>>;
  let total: number;
  try {
    // The report is a query: nothing it runs may write, it may not run for ever, and it sees
    // only the tables granted to the report role.
    await client.query('BEGIN READ ONLY');
    await client.query(`SET LOCAL statement_timeout = ${timeoutMs}`);
    await client.query(`SET LOCAL ROLE ${REPORT_ROLE}`);
    const counted = await client.query<{ total: string }>({
      text: `SELECT COUNT(*) AS total FROM ${inner}`,
      values: bound.values,
      ...EXTENDED,
    });
    total = Number(counted.rows[0]?.total ?? 0);
    result = await client.query<Record<string, unknown>>({
      text: `SELECT * FROM ${inner}${order}${paging}`,
      values: bound.values,
      types: reportTypes,
      ...EXTENDED,
    });
  } catch (error) {
    throw new ReportError(`Report execution failed: ${databaseMessage(error)}`);
  } finally {
    try {
      await client.query('ROLLBACK');
      // Session-level state a report may leave behind (advisory locks, LISTEN) ends here,
      // before the connection serves anyone else.
      await client.query('DISCARD ALL');
    } catch (error) {
      broken = error instanceof Error ? error : new Error(String(error));
    }
    client.release(broken);
  }
  if (page > 1 && result.rows.length === 0) {
    throw new ReportError(`Page ${page} is beyond the last page of this report.`);
  }
  const columns = [...new Set(result.fields.map((field) => field.name))];
  const rows = result.rows.map((row) => {
    const out: ReportRow = {};
    for (const name of columns) out[name] = cell(row[name]);
    return out;
  });
  return { columns, rows, total, page, limit, sort, asc };
}
