import type { Logger } from 'pino';
import type { Cache } from '../../adapters/cache/cache.js';
import type { Database } from '../../adapters/database/database.js';
import type { VectorStore } from '../../adapters/vector-store/vector-store.js';
import { ApiError } from '../../errors/api-error.js';
import { bumpSearchGeneration } from '../search/search-generation.js';

/**
 * Removes a document with its file, chunks and vectors. PostgreSQL goes first: once the rows
 * are gone search cannot show the chunks, even while the vector store still holds copies.
 */
export async function deleteDocument({
  db,
  vectorStore,
  cache,
  logger,
  id,
}: {
  db: Database;
  vectorStore: VectorStore;
  cache: Cache;
  logger: Logger;
  id: string;
}): Promise<void> {
  const { count } = await db.document.deleteMany({ where: { id } });
  if (count === 0) throw new ApiError('NOT_FOUND', `No document ${id}`);
  await bumpSearchGeneration(cache, logger);
  try {
    await vectorStore.deleteDocument(id);
  } catch (error) {
    // Left-over vectors are harmless (search keeps only chunks that still exist) and the
    // next delete or reindex of the store clears them.
    logger.warn({ err: error, documentId: id, store: vectorStore.kind }, 'vectors not removed');
  }
}
