import { testServerUrl } from '@learntrac/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { type SettingsVersionWatch, watchSettingsVersion } from './settings-version-watch';

describe.skipIf(!testServerUrl())('watching the settings version', () => {
  const t = useWebTestDatabase({ prefix: 'web_settings_watch', seed: true });
  let watch: SettingsVersionWatch;
  beforeAll(() => {
    watch = watchSettingsVersion({ databaseUrl: t.url, retryMs: 100 });
  });
  afterAll(() => watch.stop());

  const versionNow = async () => {
    const [row] = await t.prisma.$queryRaw<{ version: string }[]>`
      SELECT version::text AS version FROM site_config_version`;
    return row!.version;
  };
  const addComponent = (name: string) =>
    t.prisma.$executeRaw`INSERT INTO component (name, owner, description) VALUES (${name}, '', '')`;

  it('knows the version once it listens, and every later one as its change commits', async () => {
    const start = await versionNow();
    await vi.waitFor(() => expect(watch.current()).toBe(start));
    await addComponent('one');
    await vi.waitFor(() => expect(watch.current()).toBe(String(BigInt(start) + 1n)));
  });

  it('hears nothing of a change that was rolled back', async () => {
    const before = await versionNow();
    await vi.waitFor(() => expect(watch.current()).toBe(before));
    await expect(
      t.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO component (name, owner, description) VALUES ('gone', '', '')`;
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(watch.current()).toBe(before);
  });

  it('says it does not know after a write of this process, until a read tells it', async () => {
    const now = await versionNow();
    await vi.waitFor(() => expect(watch.current()).toBe(now));
    watch.noteWrite();
    expect(watch.current()).toBeUndefined();
    watch.observe(now);
    expect(watch.current()).toBe(now);
  });

  it('does not know while its connection is gone, and listens again on a new one', async () => {
    await vi.waitFor(() => expect(watch.current()).toBeDefined());
    await t.prisma.$executeRaw`
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = 'learntrac-web-settings' AND datname = current_database()`;
    await vi.waitFor(() => expect(watch.current()).toBeUndefined());
    await addComponent('while-away');
    const latest = await versionNow();
    await vi.waitFor(() => expect(watch.current()).toBe(latest), { timeout: 3_000 });
    await addComponent('after-return');
    await vi.waitFor(() => expect(watch.current()).toBe(String(BigInt(latest) + 1n)));
  });
});
