import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { applyMigrations } from '../migrate/apply-migrations.js';

export type TestDatabase = {
  /** Connection URL of the fresh database. */
  url: string;
  name: string;
  /** Drops the database (closing any connection still open to it). */
  drop(): Promise<void>;
};

/**
 * The server for database tests, from TEST_DATABASE_URL (a superuser). Missing: under CI the
 * test fails with a message; elsewhere it returns undefined so the caller can skip.
 */
export function testServerUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return url;
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error('TEST_DATABASE_URL is not set: database tests need a PostgreSQL 15 server');
  }
  console.warn('Skipping database tests: TEST_DATABASE_URL is not set');
  return undefined;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database on the test server; `migrate: true` also applies migrations. */
export async function createTestDatabase(options: {
  serverUrl: string;
  migrate?: boolean;
  prefix?: string;
}): Promise<TestDatabase> {
  const name = `${options.prefix ?? 'lt_test'}_${randomBytes(6).toString('hex')}`;
  await onServer(options.serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(options.serverUrl, name);
  const drop = () =>
    onServer(options.serverUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.query(`DROP DATABASE IF EXISTS "${name}_prisma_shadow" WITH (FORCE)`);
    });
  if (options.migrate) {
    try {
      await applyMigrations(url);
    } catch (error) {
      await drop();
      throw error;
    }
  }
  return { url, name, drop };
}
