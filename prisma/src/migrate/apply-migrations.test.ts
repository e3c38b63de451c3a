import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../client/create-prisma-client.js';
import { createTestDatabase, type TestDatabase, testServerUrl } from '../testing/test-database.js';
import { applyMigrations, readMigrations } from './apply-migrations.js';

const serverUrl = testServerUrl();

describe.skipIf(!serverUrl)('applyMigrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ serverUrl: serverUrl! });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('creates every table on an empty database and records each migration like Prisma', async () => {
    const first = await applyMigrations(database.url);
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));

    const db = createPrismaClient(database.url);
    try {
      const recorded = await db.$queryRaw<{ migration_name: string; checksum: string }[]>`
        SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`;
      expect(recorded).toEqual(
        readMigrations().map((m) => ({ migration_name: m.name, checksum: m.checksum })),
      );
      expect(await db.ticket.count()).toBe(0);
      expect(await db.path.count()).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });

  it('does nothing the second time', async () => {
    const again = await applyMigrations(database.url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toHaveLength(readMigrations().length);
  });
});
