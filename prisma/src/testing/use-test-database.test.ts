import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testServerUrl, useTestDatabase } from './index.js';

const serverUrl = testServerUrl();

describe.skipIf(!serverUrl)('useTestDatabase', () => {
  const names: string[] = [];
  const nameOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

  // The outer suite's afterAll runs once the inner suites have dropped their databases.
  afterAll(async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const left = await client.query('SELECT datname FROM pg_database WHERE datname = ANY($1)', [
        names,
      ]);
      expect(names).toHaveLength(2);
      expect(left.rows).toEqual([]);
    } finally {
      await client.end();
    }
  });

  describe('without seeding', () => {
    const t = useTestDatabase({ prefix: 'lt_use' });
    it('gives the suite its own migrated, empty database', async () => {
      names.push(nameOf(t.url));
      expect(nameOf(t.url)).toMatch(/^lt_use_[0-9a-f]{12}$/);
      expect(await t.db.ticket.count()).toBe(0);
      expect(await t.db.milestone.count()).toBe(0);
    });
  });

  describe('with seeding', () => {
    const t = useTestDatabase({ prefix: 'lt_use', seed: true });
    it("gives the suite a new site's defaults", async () => {
      names.push(nameOf(t.url));
      expect(await t.db.milestone.count()).toBe(4);
      expect(names[0]).not.toBe(names[1]);
    });
  });
});
