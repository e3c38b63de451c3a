import { createPrismaClient } from '@learntrac/db';
import { createTestDatabase, type TestDatabase } from '@learntrac/db/testing';
import type { Database } from '../adapters/database/database.js';
import { testServerUrl } from './test-env.js';

export const databaseServerUrl = testServerUrl('TEST_DATABASE_URL');

/** A fresh, migrated database for one test file, with the client the app would use. */
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
  return {
    db,
    database,
    async close() {
      await db.$disconnect();
      await database.drop();
    },
  };
}
