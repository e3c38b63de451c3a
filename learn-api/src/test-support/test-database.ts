import { createPrismaClient } from '@learntrac/db';
import { seedSite } from '@learntrac/db/seed';
import { createTestDatabase, type TestDatabase } from '@learntrac/db/testing';
import type { Database } from '../adapters/database/database.js';
import { testServerUrl } from './test-env.js';

export const databaseServerUrl = testServerUrl('TEST_DATABASE_URL');

/**
 * A fresh database for one test file, migrated and seeded as a new site is (so Trac's
 * `permission` table holds the default grants to `learners`, `instructors` and `admins`),
 * with the client the app would use.
 */
export async function openTestDatabase(): Promise<{
  db: Database;
  database: TestDatabase;
  close(): Promise<void>;
}> {
  const database = await createTestDatabase({
    serverUrl: databaseServerUrl!,
    migrate: true,
    prefix: 'learn_api',
  });
  const db = createPrismaClient(database.url, { idleTimeoutMillis: 1_000 });
  const close = async () => {
    await db.$disconnect();
    await database.drop();
  };
  try {
    await seedSite({ db });
  } catch (error) {
    await close();
    throw error;
  }
  return { db, database, close };
}
