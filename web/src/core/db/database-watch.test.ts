import { testServerUrl, useTestDatabase } from '@learntrac/db/testing';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type DatabaseWatch, watchDatabase } from './database-watch';

const serverUrl = testServerUrl();

async function until(check: () => boolean, timeoutMs = 5_000): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

describe('watching the database', () => {
  let watch: DatabaseWatch | undefined;
  afterEach(async () => {
    await watch?.stop();
  });

  it('reports a database that cannot be reached as down', async () => {
    watch = watchDatabase({ databaseUrl: 'postgres://learntrac@127.0.0.1:1/learntrac' });
    await until(() => watch!.isDown());
  });

  describe.skipIf(!serverUrl)('on a running server', () => {
    const t = useTestDatabase({ prefix: 'web_db_watch' });

    it('sees its connection ended at once, and the database back as soon as it answers', async () => {
      const changes: boolean[] = [];
      watch = watchDatabase({
        databaseUrl: t.url,
        onChange: (down) => changes.push(down),
        probeMs: 60_000,
      });
      expect(watch.isDown()).toBe(false);
      const admin = new pg.Client({ connectionString: t.url });
      await admin.connect();
      try {
        // Wait until the watch's connection exists, then end it as a server shutdown would.
        const find =
          "SELECT pid FROM pg_stat_activity WHERE application_name = 'learntrac-web-watch' AND datname = current_database()";
        for (let i = 0; i < 100 && (await admin.query(find)).rowCount === 0; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await admin.query(`SELECT pg_terminate_backend(pid) FROM (${find}) AS watch`);
      } finally {
        await admin.end();
      }
      const noticedMs = await until(() => changes.includes(true));
      expect(noticedMs).toBeLessThan(1_000);
      await until(() => !watch!.isDown());
      expect(changes).toEqual([true, false]);
    });
  });
});
