import type { Database } from '../../adapters/database/database.js';
import type { IngestQueue } from '../../adapters/jobs/ingest-queue.js';
import { ApiError } from '../../errors/api-error.js';
import { type DocumentView, toDocumentView } from './document-view.js';

/** Extracts and embeds the stored file again, e.g. after the embedder changed. */
export async function reindexDocument({
  db,
  ingestQueue,
  id,
}: {
  db: Database;
  ingestQueue: IngestQueue;
  id: string;
}): Promise<DocumentView> {
  const { count } = await db.document.updateMany({
    where: { id },
    data: { status: 'queued', error: null, chunksDone: 0, chunksTotal: 0 },
  });
  if (count === 0) throw new ApiError('NOT_FOUND', `No document ${id}`);
  await ingestQueue.enqueue(id);
  return toDocumentView(await db.document.findUniqueOrThrow({ where: { id } }));
}
