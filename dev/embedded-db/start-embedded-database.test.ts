import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase } from './start-embedded-database.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function query(databaseUrl: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'learntrac-db-'));
    // As root the server runs as the `postgres` user, which must reach the data directory.
    await chmod(root, 0o755);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('creates the cluster on first start and keeps data across restarts', async () => {
    const dataDir = join(root, 'postgres');
    const port = await freePort();

    const first = await startEmbeddedDatabase({ dataDir, port });
    try {
      expect(first.created).toBe(true);
      expect(first.databaseUrl).toBe(`postgres://postgres:postgres@127.0.0.1:${port}/learntrac`);
      const version = await query(first.databaseUrl, 'SHOW server_version_num');
      expect(Number(version.rows[0].server_version_num)).toBeGreaterThanOrEqual(150000);
      expect(Number(version.rows[0].server_version_num)).toBeLessThan(160000);
      await query(
        first.databaseUrl,
        "CREATE TABLE note (text text); INSERT INTO note VALUES ('kept')",
      );
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedDatabase({ dataDir, port });
    try {
      expect(second.created).toBe(false);
      const kept = await query(second.databaseUrl, 'SELECT text FROM note');
      expect(kept.rows).toEqual([{ text: 'kept' }]);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('refuses a wrong password', async () => {
    const dataDir = join(root, 'auth');
    const port = await freePort();
    const database = await startEmbeddedDatabase({ dataDir, port, database: 'other' });
    try {
      const wrong = database.databaseUrl.replace('postgres:postgres@', 'postgres:nope@');
      await expect(query(wrong, 'SELECT 1')).rejects.toThrow(/password authentication failed/);
    } finally {
      await database.stop();
    }
  }, 60_000);
});
