import { testServerUrl } from '@learntrac/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { createDatabase, type Database, sql } from './database';
import { readSiteConfig } from './site-config';

describe.skipIf(!testServerUrl())('keeping site settings between requests', () => {
  const suite = useWebTestDatabase({ prefix: 'web_site_config', seed: true });
  // The database as the app opens it: listening for the settings' version.
  let db: Database;
  beforeAll(() => {
    db = createDatabase({ url: suite.url, maxConnections: 2 });
  });
  afterAll(() => db.close());
  const t = {
    get db() {
      return db;
    },
    get prisma() {
      return suite.prisma;
    },
    get url() {
      return suite.url;
    },
  };

  /** Reads the component names, counting how often the database is actually asked. */
  function settingReader(name: string) {
    let reads = 0;
    const read = () =>
      readSiteConfig({
        db: t.db,
        name,
        load: async () => {
          reads += 1;
          const rows = await t.db.query<{ name: string }>(
            sql`SELECT name FROM component ORDER BY name`,
          );
          return rows.map((row) => row.name);
        },
      });
    return { read, reads: () => reads };
  }

  /** Waits until the database's announcement of its latest settings version has arrived. */
  async function untilAnnounced() {
    const [row] = await t.prisma.$queryRaw<{ version: string }[]>`
      SELECT version::text AS version FROM site_config_version`;
    await vi.waitFor(() => expect(t.db.settingsVersion.current()).toBe(row!.version), {
      timeout: 2_000,
    });
  }

  it('reads a setting once while no setting changes, without asking for the version', async () => {
    await untilAnnounced();
    const components = settingReader('unchanged');
    const first = await components.read();
    const second = await components.read();
    expect(second).toBe(first);
    expect(components.reads()).toBe(1);
  });

  it('sees a change another client made as soon as the database announces it', async () => {
    const components = settingReader('after-change');
    expect(await components.read()).not.toContain('lectures');
    await t.prisma
      .$executeRaw`INSERT INTO component (name, owner, description) VALUES ('lectures', '', '')`;
    await untilAnnounced();
    expect(await components.read()).toContain('lectures');
    expect(components.reads()).toBe(2);
  });

  it('sees a change made through its own transaction on the very next read', async () => {
    const components = settingReader('own-change');
    await untilAnnounced();
    expect(await components.read()).not.toContain('seminars');
    await t.db.transaction((tx) =>
      tx.execute(sql`INSERT INTO component (name, owner, description) VALUES ('seminars', '', '')`),
    );
    expect(await components.read()).toContain('seminars');
  });

  it('asks the database for the version on every read while nothing is listening', async () => {
    const db = createDatabase({ url: t.url, maxConnections: 2 });
    await db.settingsVersion.stop();
    try {
      const read = () =>
        readSiteConfig({
          db,
          name: 'unwatched',
          load: async () =>
            (await db.query<{ name: string }>(sql`SELECT name FROM component ORDER BY name`)).map(
              (row) => row.name,
            ),
        });
      expect(await read()).not.toContain('workshops');
      await t.prisma
        .$executeRaw`INSERT INTO component (name, owner, description) VALUES ('workshops', '', '')`;
      expect(await read()).toContain('workshops');
    } finally {
      await db.close();
    }
  });

  it('reads permissions afresh after a grant or a revoke', async () => {
    const grants = settingReader('permission-change');
    await untilAnnounced();
    await grants.read();
    await t.prisma
      .$executeRaw`INSERT INTO permission (username, action) VALUES ('anonymous', 'TICKET_CREATE')`;
    await untilAnnounced();
    await grants.read();
    await t.prisma
      .$executeRaw`DELETE FROM permission WHERE username = 'anonymous' AND action = 'TICKET_CREATE'`;
    await untilAnnounced();
    await grants.read();
    expect(grants.reads()).toBe(3);
  });

  it('keeps settings through an edit of an ordinary wiki page, not of InterMapTxt', async () => {
    const components = settingReader('wiki-edits');
    await untilAnnounced();
    await components.read();
    await t.prisma.$executeRaw`
      INSERT INTO wiki (name, version, time, author, text, comment, readonly)
      VALUES ('SomePage', 1, 0, 'ann', 'text', '', 0)`;
    await untilAnnounced();
    await components.read();
    expect(components.reads()).toBe(1);
    await t.prisma.$executeRaw`
      INSERT INTO wiki (name, version, time, author, text, comment, readonly)
      SELECT 'InterMapTxt', coalesce(max(version), 0) + 1, 0, 'ann', ' python https://docs.python.org/', '', 0
      FROM wiki WHERE name = 'InterMapTxt'`;
    await untilAnnounced();
    await components.read();
    expect(components.reads()).toBe(2);
  });

  it('does not keep a read that failed', async () => {
    let attempts = 0;
    const read = () =>
      readSiteConfig({
        db: t.db,
        name: 'failing',
        load: async () => {
          attempts += 1;
          if (attempts === 1) throw new Error('connection lost');
          return 'ok';
        },
      });
    await expect(read()).rejects.toThrow('connection lost');
    await expect(read()).resolves.toBe('ok');
  });
});
