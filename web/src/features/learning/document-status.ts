/** The ingestion states a document goes through; `indexed` and `failed` are final. */
export type DocumentStatus = 'queued' | 'extracting' | 'embedding' | 'indexed' | 'failed';

export interface DocumentProgress {
  status: DocumentStatus;
  error: string | null;
  progress: { chunksDone: number; chunksTotal: number };
}

/** Whether learn-api is still working on the document, so its page should keep looking. */
export function isIngesting(status: DocumentStatus): boolean {
  return status !== 'indexed' && status !== 'failed';
}

/** The status in words, with the count of chunks embedded while that is under way. */
export function describeDocumentStatus(document: DocumentProgress): string {
  const { chunksDone, chunksTotal } = document.progress;
  switch (document.status) {
    case 'queued':
      return 'Waiting to be read';
    case 'extracting':
      return 'Reading the text and its sections';
    case 'embedding':
      return chunksTotal > 0
        ? `Indexing: ${chunksDone} of ${chunksTotal} passages`
        : 'Indexing the passages';
    case 'indexed':
      return `Indexed: ${chunksTotal} passages`;
    case 'failed':
      return `Failed: ${document.error ?? 'no reason was given'}`;
  }
}

/** How far ingestion is, 0 to 1, for a progress bar; null when it cannot be told. */
export function ingestionFraction(document: DocumentProgress): number | null {
  if (document.status === 'indexed') return 1;
  const { chunksDone, chunksTotal } = document.progress;
  if (document.status !== 'embedding' || chunksTotal === 0) return null;
  return Math.min(chunksDone / chunksTotal, 1);
}

/** "1.2 MB": a file size people read at a glance. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
