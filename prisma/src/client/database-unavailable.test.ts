import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testServerUrl, useTestDatabase } from '../testing/index.js';
import { createPrismaClient } from './create-prisma-client.js';
import { isDatabaseUnavailable } from './database-unavailable.js';

const serverUrl = testServerUrl();

async function failureOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the query to fail');
}

describe('telling an unreachable database from a bad request', () => {
  it('knows a server that refuses connections', async () => {
    const db = createPrismaClient('postgres://learntrac@127.0.0.1:1/learntrac');
    try {
      expect(isDatabaseUnavailable(await failureOf(db.$queryRaw`SELECT 1`))).toBe(true);
      expect(isDatabaseUnavailable(await failureOf(db.ticket.count()))).toBe(true);
    } finally {
      await db.$disconnect();
    }
  });

  describe.skipIf(!serverUrl)('on a running server', () => {
    const t = useTestDatabase({ prefix: 'lt_unavailable' });

    it('knows a connection the server ended, and not an error in the SQL', async () => {
      expect(isDatabaseUnavailable(await failureOf(t.db.$queryRawUnsafe('SELEC 1')))).toBe(false);
      expect(isDatabaseUnavailable(await failureOf(t.db.$queryRawUnsafe('SELECT 1/0')))).toBe(
        false,
      );

      const db = createPrismaClient(t.url, { maxConnections: 1 });
      const admin = new pg.Client({ connectionString: t.url });
      await admin.connect();
      try {
        const running = failureOf(db.$queryRawUnsafe("SELECT pg_sleep(5), 'ended' AS outcome"));
        await new Promise((resolve) => setTimeout(resolve, 300));
        await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%''ended'' AS outcome%' AND pid <> pg_backend_pid()",
        );
        expect(isDatabaseUnavailable(await running)).toBe(true);
      } finally {
        await admin.end();
        await db.$disconnect();
      }
    });
  });
});
