import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  cosineSimilarity,
  EmbedderMismatchError,
  type IndexedChunk,
  type IndexedDocument,
  type VectorStore,
  VectorStoreError,
} from '../adapters/vector-store/vector-store.js';

/** One store under test, empty when handed over. */
export interface VectorStoreHarness {
  store: VectorStore;
  /** Records the document wherever the store's kind expects it first, then upserts it. */
  index(document: IndexedDocument): Promise<void>;
  /** A store of the same kind whose server does not answer. */
  openUnreachable(): VectorStore;
  close(): Promise<void>;
}

const dimension = 8;
const embedder = 'contract-embedder-v1';

/** A unit vector pointing mostly along `axis`, tilted towards the next axis by `tilt`. */
export function direction(axis: number, tilt = 0, size = dimension): Float32Array {
  const vector = new Float32Array(size);
  vector[axis % size] = Math.cos(tilt);
  vector[(axis + 1) % size] = Math.sin(tilt);
  return vector;
}

export function makeChunk(
  ordinal: number,
  vector: Float32Array,
  extra: Partial<IndexedChunk> = {},
) {
  return {
    id: randomUUID(),
    ordinal,
    headingPath: ['Chapter'],
    pageStart: null,
    pageEnd: null,
    keyTerms: [],
    vector,
    ...extra,
  } satisfies IndexedChunk;
}

export function makeDocument(
  vectors: Float32Array[],
  overrides: Partial<Omit<IndexedDocument, 'chunks'>> = {},
): IndexedDocument {
  return {
    id: randomUUID(),
    title: 'Contract material',
    embedder,
    dimension: vectors[0]?.length ?? dimension,
    chunks: vectors.map((vector, ordinal) => makeChunk(ordinal, vector)),
    ...overrides,
  };
}

/** Registers the tests every VectorStore implementation must pass, inside the caller's describe. */
export function registerVectorStoreContract(open: () => Promise<VectorStoreHarness>) {
  let harness: VectorStoreHarness;
  let store: VectorStore;
  beforeEach(async () => {
    harness = await open();
    store = harness.store;
  });
  afterEach(async () => {
    await harness.close();
  });

  const query = (vector: Float32Array, extra: { limit?: number; documentIds?: string[] } = {}) =>
    store.search({ vector, embedder, limit: extra.limit ?? 10, documentIds: extra.documentIds });

  it('finds nothing in an empty store and describes it as empty', async () => {
    expect(await query(direction(0))).toEqual([]);
    expect(await store.describe()).toBeNull();
  });

  it('returns the nearest chunks first with their cosine similarity as the score', async () => {
    const angles = [0, 0.3, Math.PI / 4, Math.PI / 2, Math.PI];
    const document = makeDocument(angles.map((angle) => direction(0, angle)));
    await harness.index(document);

    const hits = await query(direction(0));

    expect(hits.map((h) => h.chunkId)).toEqual(document.chunks.map((c) => c.id));
    expect(hits.every((h) => h.documentId === document.id)).toBe(true);
    hits.forEach((hit, index) => {
      expect(hit.score).toBeCloseTo(Math.cos(angles[index]!), 4);
      expect(hit.score).toBeGreaterThanOrEqual(-1);
      expect(hit.score).toBeLessThanOrEqual(1);
    });
    for (let i = 1; i < hits.length; i++) {
      expect(hits[i]!.score).toBeLessThan(hits[i - 1]!.score);
    }
  });

  it('returns no more hits than the limit, the best ones', async () => {
    const document = makeDocument([0.1, 0.9, 0.5, 0.2, 1.2].map((t) => direction(2, t)));
    await harness.index(document);

    const hits = await query(direction(2), { limit: 2 });

    expect(hits.map((h) => h.chunkId)).toEqual([document.chunks[0]!.id, document.chunks[3]!.id]);
  });

  it('searches only the named documents when documentIds is given', async () => {
    // Many chunks close to the query in one document, the other document's far from it: the
    // named document's hits must come back in full even though others crowd the top.
    const crowd = makeDocument(Array.from({ length: 40 }, (_, i) => direction(0, i * 0.005)));
    const far = makeDocument([1.0, 1.2, 1.4].map((t) => direction(0, t)));
    await harness.index(crowd);
    await harness.index(far);

    const hits = await query(direction(0), { limit: 3, documentIds: [far.id] });

    expect(hits.map((h) => h.chunkId)).toEqual(far.chunks.map((c) => c.id));
    expect(hits.every((h) => h.documentId === far.id)).toBe(true);
    expect(await query(direction(0), { documentIds: [randomUUID()] })).toEqual([]);
    expect(await query(direction(0), { documentIds: [] })).toEqual([]);
    const both = await query(direction(0), { limit: 50, documentIds: [far.id, crowd.id] });
    expect(both).toHaveLength(43);
  });

  it('scores agree with cosine similarity computed directly', async () => {
    const vectors = Array.from({ length: 30 }, (_, i) =>
      Float32Array.from({ length: dimension }, (_, d) => Math.sin(i * 7.1 + d * 3.3)),
    );
    const document = makeDocument(vectors);
    await harness.index(document);
    const probe = Float32Array.from({ length: dimension }, (_, d) => Math.cos(d * 1.7));

    const hits = await query(probe, { limit: 5 });

    const expected = document.chunks
      .map((c) => ({ chunkId: c.id, score: cosineSimilarity(probe, c.vector) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 5);
    expect(hits.map((h) => h.chunkId)).toEqual(expected.map((e) => e.chunkId));
    hits.forEach((hit, index) => {
      expect(hit.score).toBeCloseTo(expected[index]!.score, 4);
    });
  });

  it('forgets a deleted document and keeps the others', async () => {
    const gone = makeDocument([direction(1), direction(1, 0.1)]);
    const kept = makeDocument([direction(1, 0.5)]);
    await harness.index(gone);
    await harness.index(kept);

    await store.deleteDocument(gone.id);

    const hits = await query(direction(1));
    expect(hits.map((h) => h.documentId)).toEqual([kept.id]);
    expect(await store.describe()).toEqual({ embedder, dimension });
    await expect(store.deleteDocument(randomUUID())).resolves.toBeUndefined();
  });

  it('replaces a document’s chunks when it is indexed again', async () => {
    const first = makeDocument([direction(3), direction(3, 0.2)]);
    await harness.index(first);
    const second = { ...first, chunks: [makeChunk(0, direction(3, 0.4))] };

    await harness.index(second);

    const hits = await query(direction(3));
    expect(hits.map((h) => h.chunkId)).toEqual([second.chunks[0]!.id]);
  });

  it('refuses a search made with another embedder and says to reindex', async () => {
    await harness.index(makeDocument([direction(4)]));

    const otherModel = store.search({ vector: direction(4), embedder: 'other-model', limit: 5 });
    await expect(otherModel).rejects.toBeInstanceOf(EmbedderMismatchError);
    await expect(otherModel).rejects.toThrow(/indexed with contract-embedder-v1.*reindex/);
    const otherDimension = store.search({ vector: direction(0, 0, 4), embedder, limit: 5 });
    await expect(otherDimension).rejects.toThrow(/\(8 dimensions\).*\(4 dimensions\): reindex/);
  });

  it('describes the embedder and dimension of what it holds', async () => {
    await harness.index(makeDocument([direction(5)]));
    expect(await store.describe()).toEqual({ embedder, dimension });
  });

  it('rejects with an error naming the store when its server is down', async () => {
    const down = harness.openUnreachable();
    try {
      await expect(down.ping()).rejects.toBeInstanceOf(VectorStoreError);
      await expect(down.search({ vector: direction(0), embedder, limit: 3 })).rejects.toThrow(
        /The (PostgreSQL|Neo4j) vector store could not/,
      );
      await expect(down.upsertDocument(makeDocument([direction(0)]))).rejects.toBeInstanceOf(
        VectorStoreError,
      );
    } finally {
      await down.close();
    }
  });
}
