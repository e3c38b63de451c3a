import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaptureLogger } from '../../test-support/capture-logger.js';
import { databaseServerUrl, openTestDatabase } from '../../test-support/test-database.js';
import { createIngestQueue, type IngestJob } from './ingest-queue.js';

describe.skipIf(!databaseServerUrl)('the ingest queue', () => {
  let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
  const { logger } = createCaptureLogger();

  beforeAll(async () => {
    testDb = await openTestDatabase();
  });
  afterAll(async () => {
    await testDb?.close();
  });

  it('keeps a queued job through a restart and hands it to the next process that works', async () => {
    const documentId = randomUUID();
    const before = createIngestQueue({ databaseUrl: testDb.database.url, logger });
    await before.enqueue(documentId);
    // Queued twice while waiting: still one job.
    await before.enqueue(documentId);
    await before.stop();

    const after = createIngestQueue({ databaseUrl: testDb.database.url, logger });
    const received: IngestJob[] = [];
    try {
      await after.work(async (job) => {
        received.push(job);
      });
      const deadline = Date.now() + 20_000;
      while (received.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // Long enough for a duplicate to show up if there were one.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    } finally {
      await after.stop();
    }
    expect(received).toEqual([{ documentId, lastAttempt: false }]);
  });
});
