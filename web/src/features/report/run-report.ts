import { isDatabaseUnavailable } from '@learntrac/db';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { AppError, isAppError } from '@/core/errors/app-error';
import { assertReportSqlAllowed } from './report-sql-guard';
import { bindReportVariables } from './report-variables';

export type ReportCell = string | number | boolean | null;
export type ReportRow = Record<string, ReportCell>;

/** Rows on one page when the viewer does not say (Trac's default). */
export const DEFAULT_REPORT_PAGE_SIZE = 100;
/**
 * The most rows one page shows, whatever `max` asks for (`max=0`, Trac's "all rows", included):
 * a page is rendered in memory, so its size must not follow the SQL. Exports stream every row.
 */
export const MAX_REPORT_PAGE_SIZE = 1000;

export interface ReportResult {
  /** Every column the SQL returned, special ones included, in the SQL's order. */
  columns: string[];
  rows: ReportRow[];
  /** Rows over all pages. */
  total: number;
  page: number;
  /** Page size. */
  limit: number;
  /** The page size the viewer asked for when it was over MAX_REPORT_PAGE_SIZE (0: all rows). */
  requestedMax: number | null;
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
  /** Page size; 0 asks for every row, which is held to MAX_REPORT_PAGE_SIZE. */
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
const reportTypes = new pg.TypeOverrides();
reportTypes.setTypeParser(BIGINT_OID, (text: string) => {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
});
reportTypes.setTypeParser(DATE_OID, (text: string) => text);

/** The message of a database error, without the client library's framing. */
function databaseMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').filter((line) => line.trim() !== '');
  return lines[lines.length - 1] ?? message;
}

/** What a report's SQL becomes once checked and bound: one SELECT around the viewer's SQL. */
function prepareReportQuery(options: {
  sql: string;
  variables: Readonly<Record<string, string>>;
  sort?: string;
  asc?: boolean;
}) {
  const source = options.sql.trim().replace(/;\s*$/, '');
  if (source === '') throw new AppError('INVALID_INPUT', 'This report has no SQL query.');
  assertReportSqlAllowed(source);
  const bound = bindReportVariables(source, (name) => options.variables[name]);
  const asc = options.asc ?? true;
  const sort = options.sort && options.sort !== '' ? options.sort : undefined;
  // Wrapped as a subquery and sent as a prepared statement, the SQL can only be one SELECT (or
  // VALUES/TABLE): SET ROLE or any other command is a syntax error, and SQL that closes the
  // subquery itself to add statements is refused by PostgreSQL.
  const inner = `(\n${bound.text}\n) AS report`;
  const order = sort ? `\nORDER BY ${quoteIdentifier(sort)} ${asc ? 'ASC' : 'DESC'}` : '';
  return { inner, order, values: bound.values, sort, asc };
}

/**
 * node-postgres's messages when connectionTimeoutMillis ran out: no pooled connection became
 * free, or a new one took too long to open (a busy server).
 */
const CONNECT_TIMEOUT =
  /timeout exceeded when trying to connect|Connection terminated due to connection timeout/i;

/** A report connection: waiting for one is bounded by the pool's connectionTimeoutMillis. */
async function connectForReport(pool: ReportPool): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (CONNECT_TIMEOUT.test(message)) {
      throw new AppError(
        'SERVICE_UNAVAILABLE',
        'Every report connection is busy running other reports. Try again in a moment.',
      );
    }
    if (isDatabaseUnavailable(error)) {
      throw new AppError(
        'SERVICE_UNAVAILABLE',
        'The database cannot be reached right now. Try again in a moment.',
      );
    }
    throw error;
  }
}

/**
 * Starts the transaction a report runs in. The report is a query: nothing it runs may write, it
 * may not run for ever, and it sees only the tables granted to the report role.
 */
async function beginReport(client: pg.PoolClient, timeoutMs: number) {
  await client.query('BEGIN READ ONLY');
  await client.query(`SET LOCAL statement_timeout = ${Math.max(100, Math.floor(timeoutMs))}`);
  await client.query(`SET LOCAL ROLE ${REPORT_ROLE}`);
}

/** Ends the report's transaction and gives the connection back clean (or drops it if broken). */
async function endReport(client: pg.PoolClient) {
  let broken: Error | undefined;
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

function reportFailure(error: unknown): Error {
  if (isAppError(error, 'INVALID_INPUT')) return error;
  if (isDatabaseUnavailable(error)) {
    return new AppError(
      'SERVICE_UNAVAILABLE',
      'The database connection was lost while the report ran. Try again in a moment.',
    );
  }
  return new AppError('INVALID_INPUT', `Report execution failed: ${databaseMessage(error)}`);
}

function toReportRow(columns: readonly string[], row: Record<string, unknown>): ReportRow {
  const out: ReportRow = {};
  for (const name of columns) out[name] = cell(row[name]);
  return out;
}

/**
 * Runs a report's SQL for one page: inside a read-only transaction with a statement timeout,
 * as the restricted report role, with `$NAME` variables bound as parameters, sorted and paged
 * around the report's own SQL. A page holds at most MAX_REPORT_PAGE_SIZE rows whatever `max`
 * asks for. Whatever the database refuses comes back as a ReportError with its message; a
 * report that cannot get a connection in time, as a ReportUnavailableError. The columns are the
 * ones PostgreSQL describes, so a report without rows still has its headers.
 */
export async function runReport(options: RunReportOptions): Promise<ReportResult> {
  const query = prepareReportQuery(options);
  const wanted = options.max ?? DEFAULT_REPORT_PAGE_SIZE;
  const limit = wanted === 0 ? MAX_REPORT_PAGE_SIZE : Math.min(wanted, MAX_REPORT_PAGE_SIZE);
  const requestedMax = wanted === 0 || wanted > MAX_REPORT_PAGE_SIZE ? wanted : null;
  const page = Math.max(1, options.page ?? 1);
  const paging = `\nLIMIT ${limit} OFFSET ${(page - 1) * limit}`;

  const client = await connectForReport(options.pool);
  let result: pg.QueryResult<Record<string, unknown>>;
  let total: number;
  try {
    await beginReport(client, options.timeoutMs ?? 10_000);
    const counted = await client.query<{ total: string }>({
      text: `SELECT COUNT(*) AS total FROM ${query.inner}`,
      values: query.values,
      ...EXTENDED,
    });
    total = Number(counted.rows[0]?.total ?? 0);
    result = await client.query<Record<string, unknown>>({
      text: `SELECT * FROM ${query.inner}${query.order}${paging}`,
      values: query.values,
      types: reportTypes,
      ...EXTENDED,
    });
  } catch (error) {
    throw reportFailure(error);
  } finally {
    await endReport(client);
  }
  if (page > 1 && result.rows.length === 0) {
    throw new AppError('INVALID_INPUT', `Page ${page} is beyond the last page of this report.`);
  }
  const columns = [...new Set(result.fields.map((field) => field.name))];
  const rows = result.rows.map((row) => toReportRow(columns, row));
  return { columns, rows, total, page, limit, requestedMax, sort: query.sort, asc: query.asc };
}

/** Rows fetched from the server-side cursor at a time: what an export holds in memory. */
const STREAM_BATCH_ROWS = 500;

export interface ReportRowStream {
  /** Every column the SQL returned, as in ReportResult. */
  columns: string[];
  /** The next rows (at most STREAM_BATCH_ROWS), or an empty array when there are no more. */
  next(): Promise<ReportRow[]>;
  /** Ends the report's transaction and frees its connection; safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Opens a report's rows as a stream for exports: the same checks, role and transaction as
 * runReport, every row, read from a server-side cursor a batch at a time so memory stays bounded
 * however many rows the SQL returns. The caller reads at its own pace (a slow download reads
 * slowly) and must close the stream; the statement timeout covers the whole read.
 */
export async function streamReport(
  options: Omit<RunReportOptions, 'max' | 'page'>,
): Promise<ReportRowStream> {
  const query = prepareReportQuery(options);
  const client = await connectForReport(options.pool);
  let cursor: Cursor<Record<string, unknown>> | undefined;
  let closed = false;
  // After a failed read the server has already ended the cursor's statement; closing the cursor
  // then would wait for an answer that never comes.
  let failed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    if (!failed) await cursor?.close().catch(() => {});
    await endReport(client);
  };
  try {
    await beginReport(client, options.timeoutMs ?? 60_000);
    cursor = client.query(
      new Cursor<Record<string, unknown>>(
        `SELECT * FROM ${query.inner}${query.order}`,
        query.values,
        { types: reportTypes },
      ),
    );
    const open = cursor;
    const first = await new Promise<{ rows: Record<string, unknown>[]; fields: pg.FieldDef[] }>(
      (resolve, reject) =>
        open.read(STREAM_BATCH_ROWS, (error, rows, result) =>
          error ? reject(error) : resolve({ rows, fields: result.fields }),
        ),
    );
    const columns = [...new Set(first.fields.map((field) => field.name))];
    let pending: Record<string, unknown>[] | null = first.rows;
    return {
      columns,
      async next() {
        if (closed) return [];
        try {
          const rows = pending ?? (await open.read(STREAM_BATCH_ROWS));
          pending = null;
          return rows.map((row) => toReportRow(columns, row));
        } catch (error) {
          failed = true;
          await close();
          throw reportFailure(error);
        }
      },
      close,
    };
  } catch (error) {
    failed = true;
    await close();
    throw reportFailure(error);
  }
}
