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

/**
 * pg-boss on the application's database. It starts on first use, so a process that never
 * queues or works (a test, a read-only replica) opens no connections for it.
 */
export function createIngestQueue({
  databaseUrl,
  logger,
}: {
  databaseUrl: string;
  logger: Logger;
}): IngestQueue {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: 'pgboss',
    max: 4,
  });
  boss.on('error', (err) => logger.error({ err }, 'job queue error'));
  let starting: Promise<void> | null = null;
  const started = () => {
    starting ??= (async () => {
      await boss.start();
      await boss.createQueue(queueName, {
        retryLimit,
        retryDelay: retryDelaySeconds,
        retryBackoff: true,
        // A job whose worker died (a crash, a deploy) is picked up again after this long.
        expireInSeconds: 10 * 60,
        // At most one job per document waiting and one running: a reindex during a run
        // queues once, however often it is asked for.
        policy: 'stately',
      });
    })().catch((error: unknown) => {
      starting = null;
      throw error;
    });
    return starting;
  };

  return {
    async enqueue(documentId) {
      await started();
      await boss.send(queueName, { documentId }, { singletonKey: documentId });
    },
    async work(handle) {
      await started();
      await boss.work<{ documentId: string }>(
        queueName,
        // One document at a time per process: embedding already keeps the cores busy.
        { batchSize: 1, pollingIntervalSeconds: 1 },
        async ([job]) => {
          if (!job) return;
          await handle({
            documentId: job.data.documentId,
            lastAttempt: job.retryCount >= retryLimit,
          });
        },
      );
    },
    async stop() {
      if (!starting) return;
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
