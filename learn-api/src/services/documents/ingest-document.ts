import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Cache } from '../../adapters/cache/cache.js';
import type { Database } from '../../adapters/database/database.js';
import type { Embedder } from '../../adapters/embedder/embedder.js';
import type { IndexedChunk, VectorStore } from '../../adapters/vector-store/vector-store.js';
import { chunkDocument } from '../../ingest/chunk-document.js';
import { extractDocument } from '../../ingest/extract-document.js';
import { UnreadableDocumentError } from '../../ingest/extracted-document.js';
import { bumpSearchGeneration } from '../search/search-generation.js';

export interface IngestDocumentOptions {
  db: Database;
  embedder: Embedder;
  vectorStore: VectorStore;
  cache: Cache;
  logger: Logger;
  documentId: string;
  /** When false, a failure that may pass (a store or database outage) is retried later. */
  lastAttempt: boolean;
}

// Progress is written once per batch: often enough for a progress bar, cheap for the database.
const embedBatchSize = 32;
const insertBatchSize = 200;

/**
 * Extracts, chunks and embeds one document, then makes it searchable. Chunks are written in
 * one transaction and the vector store follows that commit; the document only becomes
 * `indexed` (and so visible to search) when both hold it, so nothing half-ingested shows.
 */
export async function ingestDocument(options: IngestDocumentOptions): Promise<void> {
  const { db, logger, documentId } = options;
  try {
    await runIngestion(options);
  } catch (error) {
    if (error instanceof DocumentGoneError) return;
    if (error instanceof UnreadableDocumentError) {
      await markFailed(db, documentId, error.message);
      logger.info({ documentId, reason: error.message }, 'document cannot be ingested');
      return;
    }
    const reason = error instanceof Error ? error.message : String(error);
    if (options.lastAttempt) {
      await markFailed(db, documentId, `Indexing failed: ${reason}`);
      logger.error({ err: error, documentId }, 'ingestion failed; no retries left');
      return;
    }
    await db.document
      .update({
        where: { id: documentId },
        data: { status: 'queued', error: `Waiting to retry: ${reason}` },
      })
      .catch(() => {});
    logger.warn({ err: error, documentId }, 'ingestion failed; it will be retried');
    throw error;
  }
}

async function runIngestion({
  db,
  embedder,
  vectorStore,
  cache,
  logger,
  documentId,
}: IngestDocumentOptions): Promise<void> {
  const document = await db.document.findUnique({
    where: { id: documentId },
    include: { file: true },
  });
  if (!document?.file) throw new DocumentGoneError();
  await updateDocument(db, documentId, {
    status: 'extracting',
    error: null,
    chunksDone: 0,
    chunksTotal: 0,
  });

  const extracted = await extractDocument({
    bytes: new Uint8Array(document.file.content),
    fileName: document.source,
    contentType: document.mimeType,
  });
  const chunks = chunkDocument({ document: extracted });
  if (chunks.length === 0) throw new UnreadableDocumentError('The document has no text');
  const titleGiven = (document.metadata as { titleGiven?: boolean }).titleGiven === true;
  await updateDocument(db, documentId, {
    status: 'embedding',
    chunksTotal: chunks.length,
    pageCount: extracted.pageCount,
    outline: extracted.outline as object[],
    ...(!titleGiven && extracted.title ? { title: extracted.title.slice(0, 200) } : {}),
  });

  const vectors: Float32Array[] = [];
  for (let start = 0; start < chunks.length; start += embedBatchSize) {
    const batch = chunks.slice(start, start + embedBatchSize);
    // Headings carry the topic of a chunk whose own text may never name it.
    vectors.push(...(await embedder.embed(batch.map(textToEmbed))));
    await updateDocument(db, documentId, { chunksDone: vectors.length });
  }

  const keptIds = await matchUnchangedChunks(db, documentId, chunks);
  const indexed: IndexedChunk[] = chunks.map((chunk, i) => ({
    id: keptIds[i] ?? randomUUID(),
    ordinal: chunk.ordinal,
    headingPath: chunk.headingPath,
    pageStart: chunk.pageStart,
    pageEnd: chunk.pageEnd,
    keyTerms: chunk.keyTerms,
    vector: vectors[i]!,
  }));
  // One transaction, so a search never sees a mix of old and new chunks; a long manual
  // writes thousands of vectors, far past Prisma's 5 s default.
  await db.$transaction(
    async (tx) => {
      const kept = new Set(keptIds.filter((id): id is string => id !== undefined));
      await tx.chunk.deleteMany({ where: { documentId, id: { notIn: [...kept] } } });
      // Kept chunks step aside first, so their new ordinals never meet their old ones.
      await tx.$executeRaw`
        UPDATE learning.chunks SET ordinal = -1 - ordinal WHERE document_id = ${documentId}::uuid`;
      const rows = chunks.map((chunk, i) => ({
        id: indexed[i]!.id,
        documentId,
        ordinal: chunk.ordinal,
        text: chunk.text,
        tokenCount: chunk.tokenCount,
        headingPath: chunk.headingPath,
        pageStart: chunk.pageStart,
        pageEnd: chunk.pageEnd,
        keyTerms: chunk.keyTerms,
        embedding: Array.from(indexed[i]!.vector),
        embedder: embedder.id,
        dimension: embedder.dimension,
      }));
      for (const { id, documentId: _, ...fields } of rows.filter((row) => kept.has(row.id))) {
        await tx.chunk.update({ where: { id }, data: fields });
      }
      const added = rows.filter((row) => !kept.has(row.id));
      for (let start = 0; start < added.length; start += insertBatchSize) {
        await tx.chunk.createMany({ data: added.slice(start, start + insertBatchSize) });
      }
    },
    { timeout: 5 * 60_000, maxWait: 30_000 },
  );
  const latest = await db.document.findUnique({ where: { id: documentId } });
  if (!latest) throw new DocumentGoneError();
  await vectorStore.upsertDocument({
    id: documentId,
    title: latest.title,
    embedder: embedder.id,
    dimension: embedder.dimension,
    chunks: indexed,
  });
  await updateDocument(db, documentId, {
    status: 'indexed',
    error: null,
    embedder: embedder.id,
    dimension: embedder.dimension,
    indexedAt: new Date(),
  });
  await bumpSearchGeneration(cache, logger);
}

/**
 * For each new chunk, the id of an old chunk of the document with the same text, if any. A
 * reindex keeps those ids, so concepts and questions built on a chunk still point at it.
 */
async function matchUnchangedChunks(
  db: Database,
  documentId: string,
  chunks: readonly { text: string }[],
): Promise<(string | undefined)[]> {
  const old = await db.chunk.findMany({
    where: { documentId },
    select: { id: true, text: true },
    orderBy: { ordinal: 'asc' },
  });
  const idsByText = new Map<string, string[]>();
  for (const { id, text } of old) idsByText.set(text, [...(idsByText.get(text) ?? []), id]);
  return chunks.map((chunk) => idsByText.get(chunk.text)?.shift());
}

/** What the embedder reads for a chunk: where it sits, then what it says. */
export function textToEmbed(chunk: { headingPath: string[]; text: string }): string {
  const where = chunk.headingPath.join(' > ');
  return where ? `${where}\n${chunk.text}` : chunk.text;
}

class DocumentGoneError extends Error {}

type DocumentUpdate = Parameters<Database['document']['update']>[0]['data'];

/** A document deleted while its job ran ends the job quietly. */
async function updateDocument(db: Database, id: string, data: DocumentUpdate): Promise<void> {
  const { count } = await db.document.updateMany({ where: { id }, data });
  if (count === 0) throw new DocumentGoneError();
}

async function markFailed(db: Database, id: string, error: string): Promise<void> {
  await db.document.updateMany({ where: { id }, data: { status: 'failed', error } });
}
