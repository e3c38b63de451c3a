import { testServerUrl } from '@learntrac/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { createDatabase, join, raw, sql } from './database';

describe('the database as web reaches it', () => {
  it('notes the moment it found the database unreachable, for the 503 answer', async () => {
    const db = createDatabase({
      url: 'postgres://learntrac@127.0.0.1:1/learntrac',
      maxConnections: 1,
    });
    const holder = globalThis as typeof globalThis & { learntracDatabaseFailedAt?: number };
    const before = Date.now();
    try {
      await expect(db.query(sql`SELECT 1`)).rejects.toThrow();
      expect(holder.learntracDatabaseFailedAt).toBeGreaterThanOrEqual(before);
    } finally {
      await db.close();
    }
  });

  describe.skipIf(!testServerUrl())('on a running server', () => {
    const t = useWebTestDatabase({ prefix: 'web_database' });
    afterAll(async () => {
      await t.db.transaction((tx) => tx.execute(sql`DELETE FROM component`));
    });

    it('sends every value as a parameter and returns typed rows, counts as bigint', async () => {
      const hostile = "x'); DROP TABLE ticket; --";
      const [row] = await t.db.query<{ text: string; n: bigint; id: number }>(
        sql`SELECT ${hostile}::text AS text, COUNT(*) AS n, 7::int AS id FROM ticket`,
      );
      expect(row).toEqual({ text: hostile, n: 0n, id: 7 });
      const names = ['a', 'b'];
      const listed = await t.db.query<{ name: string }>(
        sql`SELECT name FROM (VALUES ${join(names.map((n) => sql`(${n})`))}) AS v(name)
            ORDER BY ${raw('name')}`,
      );
      expect(listed.map((r) => r.name)).toEqual(names);
    });

    it('commits a transaction that returns and rolls back one that throws', async () => {
      await t.db.transaction((tx) =>
        tx.execute(sql`INSERT INTO component (name, owner) VALUES ('kept', 'ana')`),
      );
      await expect(
        t.db.transaction(async (tx) => {
          await tx.execute(sql`INSERT INTO component (name, owner) VALUES ('dropped', 'ana')`);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      const rows = await t.db.query<{ name: string }>(
        sql`SELECT name FROM component ORDER BY name`,
      );
      expect(rows.map((r) => r.name)).toEqual(['kept']);
    });
  });
});
