import { createPrismaClient, type Prisma } from '@learntrac/db';
import pg from 'pg';
import { noteDatabaseFailure } from './note-database-failure';
import {
  type SettingsVersionWatch,
  unwatchedSettingsVersion,
  watchSettingsVersion,
} from './settings-version-watch';

export { default as sql, empty, join, raw, type Sql } from 'sql-template-tag';

/**
 * Parameterised SQL: `$1`, `$2`… in the text stand for the values in order. The `sql` tag builds
 * one from a template, sending every `${value}` as a parameter; the query language builds its own.
 */
export interface SqlQuery {
  readonly text: string;
  readonly values: readonly unknown[];
}

/**
 * What reads run on: the database itself, or a transaction. Trac's tables keep Trac's names and
 * columns, so the views query them in SQL.
 */
export interface Queryable {
  /** The rows a query returns, typed by the caller (int8 columns come back as bigint). */
  query<Row>(query: SqlQuery): Promise<Row[]>;
}

/** The database inside one transaction: SQL, and Prisma's client for the shared verbs. */
export interface Transaction extends Queryable {
  /** Runs a statement and answers how many rows it changed. */
  execute(statement: SqlQuery): Promise<number>;
  readonly prisma: Prisma.TransactionClient;
}

export interface Database extends Queryable {
  /**
   * Runs `work` in one transaction: committed when it returns, rolled back when it throws.
   * Every write goes through here.
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** The site settings' version as the database announces it (see site-config). */
  readonly settingsVersion: SettingsVersionWatch;
  close(): Promise<void>;
}

export interface TransactionOptions {
  /** How long the transaction may run before it is rolled back (default 5 s). */
  timeoutMs?: number;
}

export interface DatabaseSettings {
  url: string;
  /** Most connections the pool opens. */
  maxConnections: number;
  /** How long an idle connection stays open; short, so processes exit promptly. */
  idleTimeoutMs?: number;
  /** How long a request waits for a free connection before it fails (0: no limit). */
  connectionWaitMs?: number;
  /** Names the connections in pg_stat_activity. */
  applicationName?: string;
  /**
   * Listen for the settings' version (default true). Without, every request reads it, which
   * tests want: they change settings through clients of their own and read them at once.
   */
  listenForSettings?: boolean;
}

// Reads go straight to node-postgres: Prisma's raw queries cost several times the CPU per query
// for the same rows. Whole numbers of int8 columns (counts, Trac's microsecond times) come back
// as bigint, as they do through Prisma.
const INT8_OID = 20;
const readTypes = new pg.TypeOverrides();
readTypes.setTypeParser(INT8_OID, (text: string) => BigInt(text));

/** A pool of node-postgres connections with the settings every pool of the app shares. */
export function createPool(settings: DatabaseSettings): pg.Pool {
  const pool = new pg.Pool({
    connectionString: settings.url,
    max: settings.maxConnections,
    idleTimeoutMillis: settings.idleTimeoutMs ?? 5_000,
    connectionTimeoutMillis: settings.connectionWaitMs ?? 0,
    application_name: settings.applicationName ?? 'learntrac-web',
  });
  // An idle connection the server ends (a restart, a shutdown) is dropped from the pool, which
  // then reports it here; unheard, the report would end the process. The next request opens a
  // new connection, or learns that the database is unavailable.
  pool.on('error', () => {});
  return pool;
}

/**
 * The pool report SQL runs on (as the `learntrac_report` role, see run-report): small and used by
 * nothing else, so slow reports queue among themselves and never take the connections other
 * pages need, and a report that cannot get a connection within `connectionWaitMs` gives up (a
 * 503) rather than wait behind them.
 */
export function createReportPool(settings: {
  url: string;
  maxConnections: number;
  connectionWaitMs: number;
}): pg.Pool {
  return createPool({ ...settings, applicationName: 'learntrac-web-reports' });
}

/**
 * The app's database: reads run as parameterised SQL on node-postgres, writes in transactions
 * through Prisma (which owns the schema and the shared ticket verbs), both on one pool.
 */
export function createDatabase(settings: DatabaseSettings): Database {
  const pool = createPool(settings);
  const prisma = createPrismaClient(pool);
  const settingsVersion =
    settings.listenForSettings === false
      ? unwatchedSettingsVersion()
      : watchSettingsVersion({ databaseUrl: settings.url });
  return {
    settingsVersion,
    async query<Row>(query: SqlQuery) {
      try {
        const result = await pool.query<Row & pg.QueryResultRow>({
          text: query.text,
          values: [...query.values],
          types: readTypes,
        });
        return result.rows;
      } catch (error) {
        noteDatabaseFailure(error);
        throw error;
      }
    },
    async transaction(work, options = {}) {
      try {
        return await prisma.$transaction(
          (client) =>
            work({
              prisma: client,
              query: (query) => client.$queryRawUnsafe(query.text, ...query.values),
              execute: (statement) => client.$executeRawUnsafe(statement.text, ...statement.values),
            }),
          { timeout: options.timeoutMs ?? 5_000 },
        );
      } catch (error) {
        noteDatabaseFailure(error);
        throw error;
      } finally {
        // Committed or not, this process's next read of a setting asks the database.
        settingsVersion.noteWrite();
      }
    },
    async close() {
      await settingsVersion.stop();
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** A LIKE pattern matching `term` anywhere, with LIKE's wildcards taken literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
