import { describe, expect, it } from 'vitest';
import { Int8VectorMatrix, quantizeVector } from './int8-vector-matrix.js';
import { cosineSimilarity } from './vector-store.js';

const dimension = 384;

/** Deterministic pseudo-random vectors, so a failure can be replayed. */
function randomVectors(count: number, seed: number): Float32Array[] {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  };
  return Array.from({ length: count }, () => Float32Array.from({ length: dimension }, next));
}

function exactTop(vectors: Map<string, Float32Array>, query: Float32Array, count: number) {
  return [...vectors]
    .map(([id, vector]) => ({ id, score: cosineSimilarity(query, vector) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((hit) => hit.id);
}

describe('int8 vector matrix', () => {
  const vectors = randomVectors(3_000, 7);
  const documentOf = (index: number) => `doc-${index % 30}`;

  function fill() {
    const matrix = new Int8VectorMatrix(dimension);
    const byDocument = new Map<string, { id: string; vector: Int8Array }[]>();
    vectors.forEach((vector, index) => {
      const list = byDocument.get(documentOf(index)) ?? [];
      list.push({ id: `chunk-${index}`, vector: quantizeVector(vector) });
      byDocument.set(documentOf(index), list);
    });
    for (const [documentId, chunks] of byDocument) matrix.replaceDocument(documentId, chunks);
    return matrix;
  }

  it('ranks like exact float cosine once the spare candidates are re-scored', () => {
    const matrix = fill();
    const all = new Map(vectors.map((vector, index) => [`chunk-${index}`, vector]));
    for (const query of randomVectors(20, 99)) {
      const candidates = matrix.nearest(quantizeVector(query), 30).map((row) => row.chunkId);
      const rescored = exactTop(new Map(candidates.map((id) => [id, all.get(id)!])), query, 10);
      expect(rescored).toEqual(exactTop(all, query, 10));
    }
  });

  it('keeps only the named documents’ rows when filtering, however far they rank', () => {
    const matrix = fill();
    const query = randomVectors(1, 5)[0]!;
    const named = ['doc-3', 'doc-17'];
    const inNamed = new Map(
      vectors.flatMap((vector, index) =>
        named.includes(documentOf(index)) ? [[`chunk-${index}`, vector] as const] : [],
      ),
    );

    const rows = matrix.nearest(quantizeVector(query), 500, named);

    expect(rows).toHaveLength(inNamed.size);
    expect(new Set(rows.map((row) => row.documentId))).toEqual(new Set(named));
    expect(rows.slice(0, 5).map((r) => r.chunkId)).toEqual(exactTop(inNamed, query, 5));
  });

  it('still finds every remaining row after documents are removed and replaced', () => {
    const matrix = fill();
    matrix.removeDocument('doc-0');
    matrix.removeDocument('doc-29');
    matrix.replaceDocument('doc-5', [{ id: 'fresh', vector: quantizeVector(vectors[0]!) }]);

    expect(matrix.size).toBe(3_000 - 300 + 1);
    const rows = matrix.nearest(quantizeVector(vectors[0]!), 3_000);
    const ids = new Set(rows.map((row) => row.chunkId));
    expect(ids.size).toBe(matrix.size);
    expect(ids.has('chunk-0')).toBe(false);
    expect(ids.has('chunk-5')).toBe(false);
    expect(ids.has('chunk-1')).toBe(true);
    expect(rows[0]).toEqual({ chunkId: 'fresh', documentId: 'doc-5' });
    for (const row of rows) {
      expect(row.documentId).toBe(
        row.chunkId === 'fresh' ? 'doc-5' : documentOf(Number(row.chunkId.slice(6))),
      );
    }
  });

  it('over a large matrix, the sign prefilter still finds the nearest rows of clustered data', () => {
    const centers = randomVectors(250, 11);
    const noise = randomVectors(25_000, 13);
    const matrix = new Int8VectorMatrix(dimension);
    const all = new Map<string, Float32Array>();
    for (let c = 0; c < centers.length; c++) {
      const chunks = Array.from({ length: 100 }, (_, i) => {
        const vector = centers[c]!.map((x, d) => x + noise[c * 100 + i]![d]! * 1.2);
        all.set(`chunk-${c}-${i}`, vector);
        return { id: `chunk-${c}-${i}`, vector: quantizeVector(vector) };
      });
      matrix.replaceDocument(`doc-${c}`, chunks);
    }
    let found = 0;
    const queries = randomVectors(20, 17).map((n, q) =>
      centers[q * 7]!.map((x, d) => x + n[d]! * 1.2),
    );
    for (const query of queries) {
      const candidates = matrix.nearest(quantizeVector(query), 30).map((row) => row.chunkId);
      const rescored = exactTop(new Map(candidates.map((id) => [id, all.get(id)!])), query, 10);
      const exact = new Set(exactTop(all, query, 10));
      found += rescored.filter((id) => exact.has(id)).length;
    }
    expect(found / (queries.length * 10)).toBeGreaterThanOrEqual(0.95);
  });
});
