import { createHash } from 'node:crypto';
import type { Database } from '../../adapters/database/database.js';
import type { IngestQueue } from '../../adapters/jobs/ingest-queue.js';
import type { AuthUser } from '../../auth/user.js';
import { ApiError } from '../../errors/api-error.js';
import { type DocumentType, detectDocumentType } from '../../ingest/detect-document-type.js';
import { UnreadableDocumentError } from '../../ingest/extracted-document.js';
import { type DocumentView, toDocumentView } from './document-view.js';

export interface UploadDocumentOptions {
  db: Database;
  ingestQueue: Pick<IngestQueue, 'enqueue'>;
  uploader: AuthUser;
  file: { bytes: Uint8Array; fileName: string; contentType: string };
  title?: string | undefined;
}

/**
 * Stores the upload and queues its ingestion. The same content uploaded again (by anyone)
 * answers with the document that already holds it, so material is never indexed twice.
 */
export async function uploadDocument({
  db,
  ingestQueue,
  uploader,
  file,
  title,
}: UploadDocumentOptions): Promise<{ document: DocumentView; created: boolean }> {
  let type: DocumentType;
  try {
    ({ type } = detectDocumentType({
      bytes: file.bytes,
      fileName: file.fileName,
      contentType: file.contentType,
    }));
  } catch (error) {
    if (error instanceof UnreadableDocumentError)
      throw new ApiError('UNPROCESSABLE', error.message);
    throw error;
  }
  const contentHash = createHash('sha256').update(file.bytes).digest('hex');
  const existing = await db.document.findUnique({ where: { contentHash } });
  if (existing) return { document: toDocumentView(existing), created: false };

  let row: Awaited<ReturnType<typeof db.document.create>>;
  try {
    row = await db.document.create({
      data: {
        title: title ?? titleFromFileName(file.fileName),
        source: file.fileName,
        mimeType: mimeTypeOf[type],
        contentHash,
        cognitoUserId: uploader.sub,
        sizeBytes: file.bytes.byteLength,
        // The extracted title replaces one made from the file name, never one the uploader gave.
        metadata: { titleGiven: title !== undefined },
        file: { create: { content: Buffer.from(file.bytes) } },
      },
    });
  } catch (error) {
    // Two uploads of the same content at once: the one that lost answers with the winner's.
    if (isUniqueViolation(error)) {
      const winner = await db.document.findUniqueOrThrow({ where: { contentHash } });
      return { document: toDocumentView(winner), created: false };
    }
    throw error;
  }
  // If this fails the document stays queued; the worker requeues such documents at start.
  await ingestQueue.enqueue(row.id);
  return { document: toDocumentView(row), created: true };
}

const mimeTypeOf: Record<DocumentType, string> = {
  pdf: 'application/pdf',
  html: 'text/html',
  markdown: 'text/markdown',
  text: 'text/plain',
};

function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const words = base.replace(/[_-]+/g, ' ').trim();
  return words.length > 0 ? words.slice(0, 200) : 'Untitled document';
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}
