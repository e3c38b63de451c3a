import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testServerUrl } from '../testing/test-database.js';
import { applyMigrations, findMigrationsDir } from './apply-migrations.js';

const serverUrl = testServerUrl();
const firstPathsMigration = '20261207110000_learning_paths';

describe.skipIf(!serverUrl)('the learning paths migration on a site that already has data', () => {
  let database: TestDatabase;
  let earlier: string;
  let client: pg.Client;

  beforeAll(async () => {
    // The migrations as a site had them before paths gained kinds and the mastered resolution.
    earlier = mkdtempSync(join(tmpdir(), 'learntrac-earlier-'));
    for (const name of readdirSync(findMigrationsDir())) {
      if (name < firstPathsMigration)
        cpSync(join(findMigrationsDir(), name), join(earlier, name), { recursive: true });
    }
    database = await createTestDatabase({ serverUrl: serverUrl!, prefix: 'lt_paths_mig' });
    await applyMigrations(database.url, { migrationsDir: earlier });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(`
      INSERT INTO enum (type, name, value) VALUES
        ('resolution', 'fixed', '1'), ('resolution', 'wontfix', '2'), ('resolution', 'later', 'x'),
        ('priority', 'major', '7')`);
    await client.query(`
      INSERT INTO learning.paths (id, cognito_user_id, title, query, status) VALUES
        (gen_random_uuid(), 'teacher', 'Graphs', 'type=concept&milestone=Graph+Algorithms', 'published'),
        (gen_random_uuid(), 'teacher', 'Loose', '', 'draft')`);
    await applyMigrations(database.url);
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
    if (earlier) rmSync(earlier, { recursive: true, force: true });
  });

  it('adds the mastered resolution after the site’s own resolutions', async () => {
    const { rows } = await client.query(
      `SELECT name, value FROM enum WHERE type = 'resolution' ORDER BY name`,
    );
    expect(rows).toEqual([
      { name: 'fixed', value: '1' },
      { name: 'later', value: 'x' },
      { name: 'mastered', value: '3' },
      { name: 'wontfix', value: '2' },
    ]);
  });

  it('keeps existing paths as shared ones and their ticket query’s milestone as the subject', async () => {
    const { rows } = await client.query(
      `SELECT title, kind, milestone, target_retention FROM learning.paths ORDER BY title`,
    );
    expect(rows).toEqual([
      { title: 'Graphs', kind: 'shared', milestone: 'Graph Algorithms', target_retention: 0.9 },
      { title: 'Loose', kind: 'shared', milestone: null, target_retention: 0.9 },
    ]);
  });

  it('adds no resolution to a site that has none yet: the seed writes them in order', async () => {
    const empty = await createTestDatabase({
      serverUrl: serverUrl!,
      migrate: true,
      prefix: 'lt_paths_mig',
    });
    const fresh = new pg.Client({ connectionString: empty.url });
    await fresh.connect();
    try {
      const { rows } = await fresh.query(`SELECT count(*)::int AS n FROM enum`);
      expect(rows[0].n).toBe(0);
    } finally {
      await fresh.end();
      await empty.drop();
    }
  });
});
