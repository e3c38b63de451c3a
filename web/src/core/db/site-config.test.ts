import { testServerUrl } from '@learntrac/db/testing';
import { describe, expect, it } from 'vitest';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { sql } from './database';
import { readSiteConfig } from './site-config';

describe.skipIf(!testServerUrl())('keeping site settings between requests', () => {
  const t = useWebTestDatabase({ prefix: 'web_site_config', seed: true });

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

  it('reads a setting once while no setting changes', async () => {
    const components = settingReader('unchanged');
    const first = await components.read();
    const second = await components.read();
    expect(second).toBe(first);
    expect(components.reads()).toBe(1);
  });

  it('sees a change to a setting on the next read, whichever client made it', async () => {
    const components = settingReader('after-change');
    expect(await components.read()).not.toContain('lectures');
    await t.prisma
      .$executeRaw`INSERT INTO component (name, owner, description) VALUES ('lectures', '', '')`;
    expect(await components.read()).toContain('lectures');
    expect(components.reads()).toBe(2);
  });

  it('reads permissions afresh after a grant or a revoke', async () => {
    const grants = settingReader('permission-change');
    await grants.read();
    await t.prisma
      .$executeRaw`INSERT INTO permission (username, action) VALUES ('anonymous', 'TICKET_CREATE')`;
    await grants.read();
    await t.prisma
      .$executeRaw`DELETE FROM permission WHERE username = 'anonymous' AND action = 'TICKET_CREATE'`;
    await grants.read();
    expect(grants.reads()).toBe(3);
  });

  it('keeps settings through an edit of an ordinary wiki page, not of InterMapTxt', async () => {
    const components = settingReader('wiki-edits');
    await components.read();
    await t.prisma.$executeRaw`
      INSERT INTO wiki (name, version, time, author, text, comment, readonly)
      VALUES ('SomePage', 1, 0, 'ann', 'text', '', 0)`;
    await components.read();
    expect(components.reads()).toBe(1);
    await t.prisma.$executeRaw`
      INSERT INTO wiki (name, version, time, author, text, comment, readonly)
      SELECT 'InterMapTxt', coalesce(max(version), 0) + 1, 0, 'ann', ' python https://docs.python.org/', '', 0
      FROM wiki WHERE name = 'InterMapTxt'`;
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
