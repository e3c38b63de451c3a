import type { Db } from '@learntrac/db';
import { useTestDatabase } from '@learntrac/db/testing';
import { afterAll, beforeAll } from 'vitest';
import { createDatabase, type Database } from '@/core/db/database';

export interface WebSuiteDatabase {
  /** The suite's database as the web app reaches it. */
  readonly db: Database;
  /** Prisma's client of the same database, for fixtures the web app does not write itself. */
  readonly prisma: Db;
  /** Connection URL, for tests that open their own connections. */
  readonly url: string;
}

/** A fresh migrated database for one test file (see useTestDatabase), reached as web reaches it. */
export function useWebTestDatabase(
  options: { prefix?: string; seed?: boolean } = {},
): WebSuiteDatabase {
  const suite = useTestDatabase(options);
  let db: Database | undefined;
  beforeAll(() => {
    // Fixtures change settings through Prisma's own client and expect the next read to see it.
    db = createDatabase({ url: suite.url, maxConnections: 4, listenForSettings: false });
  });
  afterAll(async () => {
    await db?.close();
  });
  return {
    get db() {
      if (!db) throw new Error('The test database exists only once the suite starts');
      return db;
    },
    get prisma() {
      return suite.db;
    },
    get url() {
      return suite.url;
    },
  };
}
