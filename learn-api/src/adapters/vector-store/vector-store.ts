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
