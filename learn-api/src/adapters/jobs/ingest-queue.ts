import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';

/** Where ingest jobs wait. PostgreSQL holds them, so a queued job survives a restart. */
export interface IngestQueue {
  /** Queues the document's ingestion; a document already waiting is not queued twice. */
  enqueue(documentId: string): Promise<void>;
  /** Starts taking jobs; `handle` throws to have the job retried later. */
  work(handle: (job: IngestJob) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

export interface IngestJob {
  documentId: string;
  /** No retry follows if this attempt fails. */
  lastAttempt: boolean;
}

const queueName = 'ingest-document';
// Enough to ride out a vector store or database restart, not so many that a broken
// document retries all day: 30 s, 60 s, 120 s, 240 s.
const retryLimit = 4;
const retryDelaySeconds = 30;

export async function createIngestQueue({
  databaseUrl,
  logger,
}: {
  databaseUrl: string;
  logger: Logger;
}): Promise<IngestQueue> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: 'pgboss',
    // Two cores: one document embeds at a time per process; the model is the bottleneck.
    max: 4,
  });
  boss.on('error', (err) => logger.error({ err }, 'job queue error'));
  await boss.start();
  await boss.createQueue(queueName, {
    retryLimit,
    retryDelay: retryDelaySeconds,
    retryBackoff: true,
    // A job whose worker died (a crash, a deploy) is picked up again after this long.
    expireInSeconds: 30 * 60,
    policy: 'stately',
  });

  return {
    async enqueue(documentId) {
      await boss.send(queueName, { documentId }, { singletonKey: documentId });
    },
    async work(handle) {
      await boss.work<{ documentId: string }>(
        queueName,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: 1 },
        async ([job]) => {
          if (!job) return;
          await handle({
            documentId: job.data.documentId,
            lastAttempt: job.retryCount >= job.retryLimit,
          });
        },
      );
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
