import { afterAll, beforeAll } from 'vitest';
import { createPrismaClient } from '../client/create-prisma-client.js';
import type { Db } from '../client/db.js';
import { seedSite } from '../seed/seed-site.js';
import { createTestDatabase, type TestDatabase, testServerUrl } from './test-database.js';

export type SuiteDatabase = {
  /** The Prisma client of the suite's database. */
  readonly db: Db;
  /** Connection URL of the suite's database, for tests that open their own clients. */
  readonly url: string;
};

/**
 * Gives the calling suite a fresh migrated database (`seed: true` also seeds a new site's
 * defaults) and drops it after the suite. Call it inside `describe.skipIf(!testServerUrl())`,
 * before the suite's own hooks: those then run after the database is ready and before it is
 * dropped.
 */
export function useTestDatabase(options: { prefix?: string; seed?: boolean } = {}): SuiteDatabase {
  let database: TestDatabase | undefined;
  let db: Db | undefined;
  beforeAll(async () => {
    const serverUrl = testServerUrl();
    if (!serverUrl) throw new Error('useTestDatabase needs TEST_DATABASE_URL');
    database = await createTestDatabase({ serverUrl, migrate: true, prefix: options.prefix });
    db = createPrismaClient(database.url);
    if (options.seed) await seedSite({ db });
    // Creating and migrating a database takes a few seconds on a busy machine.
  }, 60_000);
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });
  const ready = () => {
    if (!database || !db) throw new Error('The test database exists only once the suite starts');
    return { database, db };
  };
  return {
    get db() {
      return ready().db;
    },
    get url() {
      return ready().database.url;
    },
  };
}
