/**
 * Where chunk vectors are searched. PostgreSQL's `learning.chunks` stays the system of record:
 * every store can be rebuilt from it, so a store holds copies, never the only version.
 */
export interface VectorStore {
  readonly kind: 'postgres' | 'neo4j';
  /** Replaces whatever the store held for the document with this one. */
  upsertDocument(document: IndexedDocument): Promise<void>;
  deleteDocument(documentId: string): Promise<void>;
  /**
   * The chunks nearest the vector, best first, by cosine similarity (1 is identical).
   * Throws `EmbedderMismatchError` when the store's vectors come from another embedder.
   */
  search(query: VectorQuery): Promise<VectorHit[]>;
  /** The embedder and dimension of the stored vectors; null while the store is empty. */
  describe(): Promise<{ embedder: string; dimension: number } | null>;
  /** Resolves when the store answers; rejects with the reason when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface IndexedDocument {
  id: string;
  title: string;
  embedder: string;
  dimension: number;
  chunks: IndexedChunk[];
}

export interface IndexedChunk {
  id: string;
  ordinal: number;
  headingPath: string[];
  pageStart: number | null;
  pageEnd: number | null;
  keyTerms: string[];
  vector: Float32Array;
}

export interface VectorQuery {
  vector: Float32Array;
  embedder: string;
  limit: number;
  /** Only chunks of these documents; all documents when absent. */
  documentIds?: readonly string[];
}

export interface VectorHit {
  chunkId: string;
  documentId: string;
  score: number;
}

export class EmbedderMismatchError extends Error {
  override readonly name = 'EmbedderMismatchError';
  constructor(
    readonly stored: { embedder: string; dimension: number },
    readonly requested: { embedder: string; dimension: number },
  ) {
    super(
      `The material was indexed with ${stored.embedder} (${stored.dimension} dimensions) but ` +
        `searches now use ${requested.embedder} (${requested.dimension} dimensions): reindex ` +
        'the documents (POST /api/learntrac/documents/{id}/reindex) to search them again',
    );
  }
}

/** The store could not do what was asked (not reachable, or it refused); the cause says why. */
export class VectorStoreError extends Error {
  override readonly name = 'VectorStoreError';
  constructor(
    readonly store: VectorStore['kind'],
    action: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`The ${storeNames[store]} vector store could not ${action}: ${reason}`, { cause });
  }
}

const storeNames: Record<VectorStore['kind'], string> = {
  postgres: 'PostgreSQL',
  neo4j: 'Neo4j',
};

/** Refuses a document whose vectors do not all have the dimension it declares. */
export function assertConsistentDocument(document: IndexedDocument): void {
  for (const chunk of document.chunks) {
    if (chunk.vector.length !== document.dimension) {
      throw new Error(
        `Chunk ${chunk.id} of document ${document.id} has ${chunk.vector.length} dimensions ` +
          `but the document declares ${document.dimension} (${document.embedder})`,
      );
    }
  }
}

/** Cosine similarity of two vectors of the same length; 0 when either has no length. */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  if (normA === 0 || normB === 0) return 0;
  return Math.max(-1, Math.min(1, dot / Math.sqrt(normA * normB)));
}
