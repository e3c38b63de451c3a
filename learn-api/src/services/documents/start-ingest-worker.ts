import type { Logger } from 'pino';
import type { Cache } from '../../adapters/cache/cache.js';
import type { Database } from '../../adapters/database/database.js';
import type { Embedder } from '../../adapters/embedder/embedder.js';
import type { IngestQueue } from '../../adapters/jobs/ingest-queue.js';
import type { VectorStore } from '../../adapters/vector-store/vector-store.js';
import { ingestDocument } from './ingest-document.js';

/**
 * Takes ingest jobs. Documents left unfinished with no job (a crash between saving the upload
 * and queueing it) are queued again first; queueing is idempotent per document.
 */
export async function startIngestWorker(deps: {
  db: Database;
  embedder: Embedder;
  vectorStore: VectorStore;
  cache: Cache;
  logger: Logger;
  ingestQueue: IngestQueue;
}): Promise<void> {
  const unfinished = await deps.db.document.findMany({
    where: { status: { in: ['queued', 'extracting', 'embedding'] } },
    select: { id: true },
  });
  for (const { id } of unfinished) await deps.ingestQueue.enqueue(id);
  await deps.ingestQueue.work(({ documentId, lastAttempt }) =>
    ingestDocument({ ...deps, documentId, lastAttempt }),
  );
}
