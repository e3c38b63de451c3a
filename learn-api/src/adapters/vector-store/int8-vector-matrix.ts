import { createRequire } from 'node:module';
import type * as Usearch from 'usearch';

// The package's ES module build looks for its native binary through the call stack, which
// fails under test runners and bundlers; its CommonJS build looks beside itself.
const { exactSearch, MetricKind } = createRequire(import.meta.url)('usearch') as typeof Usearch;

export interface MatrixRow {
  chunkId: string;
  documentId: string;
}

/** Up to this many rows a search scans every int8 row; above it the sign bits go first. */
const exactScanRows = 20_000;

/**
 * Chunk vectors of one embedder as a dense row-major int8 matrix (a quarter of float32's
 * memory), compared with SIMD cosine. Each row is scaled on its own, which cosine ignores, so
 * the ranking error stays around 0.002; callers re-score the top rows in float.
 *
 * Beside it, each row's signs as bits (48 bytes for 384 dimensions): over a large matrix the
 * Hamming distance of the signs picks a few percent of the rows, and only those are compared
 * in int8. That is approximate; a search restricted to documents always compares every row.
 */
export class Int8VectorMatrix {
  // usearch reads typed arrays from the start of their buffer: every array handed to it is
  // allocated for the call or starts at offset 0.
  private vectors = new Int8Array(0);
  private signs = new Uint32Array(0);
  private distances = new Uint16Array(0);
  private chunkIds: string[] = [];
  private rowDocumentIds: string[] = [];
  private readonly rowsByDocument = new Map<string, number[]>();
  private rowCount = 0;
  private readonly words: number;

  constructor(readonly dimension: number) {
    this.words = Math.ceil(dimension / 32);
  }

  get size(): number {
    return this.rowCount;
  }

  /** Grows the matrix once for rows about to arrive, instead of step by step. */
  reserve(extraRows: number): void {
    const rows = this.rowCount + extraRows;
    if (rows * this.dimension <= this.vectors.length) return;
    const vectors = new Int8Array(rows * this.dimension);
    vectors.set(this.vectors.subarray(0, this.rowCount * this.dimension));
    this.vectors = vectors;
    const signs = new Uint32Array(rows * this.words);
    signs.set(this.signs.subarray(0, this.rowCount * this.words));
    this.signs = signs;
  }

  /** Replaces the document's rows with these, in one synchronous step searches never see half of. */
  replaceDocument(documentId: string, chunks: readonly { id: string; vector: Int8Array }[]): void {
    this.removeDocument(documentId);
    if (chunks.length === 0) return;
    if ((this.rowCount + chunks.length) * this.dimension > this.vectors.length) {
      // Room for a quarter more, so a stream of small documents does not copy on every one.
      this.reserve(Math.max(chunks.length, Math.ceil(this.rowCount / 4)));
    }
    const rows: number[] = [];
    for (const chunk of chunks) {
      const row = this.rowCount++;
      this.vectors.set(chunk.vector, row * this.dimension);
      this.signs.set(signBits(chunk.vector, this.words), row * this.words);
      this.chunkIds[row] = chunk.id;
      this.rowDocumentIds[row] = documentId;
      rows.push(row);
    }
    this.rowsByDocument.set(documentId, rows);
  }

  removeDocument(documentId: string): void {
    const rows = this.rowsByDocument.get(documentId);
    if (!rows) return;
    this.rowsByDocument.delete(documentId);
    // Highest first: the last row is then never one of this document's rows still to remove.
    for (const row of [...rows].sort((a, b) => b - a)) this.moveLastRowInto(row);
  }

  /** The `count` rows nearest the query, best first, among the named documents' rows if given. */
  nearest(query: Int8Array, count: number, documentIds?: readonly string[]): MatrixRow[] {
    if (count <= 0 || this.rowCount === 0) return [];
    let rows: number[] | undefined;
    if (documentIds) {
      rows = [...new Set(documentIds)].flatMap((id) => this.rowsByDocument.get(id) ?? []);
    } else if (this.rowCount > exactScanRows) {
      const wanted = Math.max(count * 20, Math.ceil(this.rowCount / 50));
      rows = this.closestSigns(signBits(query, this.words), wanted);
    }
    const dataset = rows
      ? this.gather(rows)
      : this.vectors.subarray(0, this.rowCount * this.dimension);
    const available = dataset.length / this.dimension;
    if (available === 0) return [];
    const matches = exactSearch(
      dataset,
      query,
      this.dimension,
      Math.min(count, available),
      MetricKind.Cos,
      1,
    );
    return Array.from(matches.keys, (key) => {
      const row = rows ? rows[Number(key)]! : Number(key);
      return { chunkId: this.chunkIds[row]!, documentId: this.rowDocumentIds[row]! };
    });
  }

  private gather(rows: readonly number[]): Int8Array {
    const d = this.dimension;
    const dataset = new Int8Array(rows.length * d);
    rows.forEach((row, index) => {
      dataset.set(this.vectors.subarray(row * d, (row + 1) * d), index * d);
    });
    return dataset;
  }

  /** The rows whose sign bits differ least from the query's: at least `wanted` of them. */
  private closestSigns(query: Uint32Array, wanted: number): number[] {
    const { words, rowCount } = this;
    if (this.distances.length < rowCount)
      this.distances = new Uint16Array(this.signs.length / words);
    const distances = this.distances;
    const histogram = new Uint32Array(words * 32 + 1);
    for (let row = 0; row < rowCount; row++) {
      let distance = 0;
      const offset = row * words;
      for (let w = 0; w < words; w++) distance += popcount(this.signs[offset + w]! ^ query[w]!);
      distances[row] = distance;
      histogram[distance]!++;
    }
    let threshold = 0;
    for (let seen = 0; threshold < histogram.length; threshold++) {
      seen += histogram[threshold]!;
      if (seen >= wanted) break;
    }
    const rows: number[] = [];
    for (let row = 0; row < rowCount; row++) if (distances[row]! <= threshold) rows.push(row);
    return rows;
  }

  private moveLastRowInto(hole: number): void {
    const last = --this.rowCount;
    if (hole !== last) {
      const { dimension: d, words } = this;
      this.vectors.copyWithin(hole * d, last * d, (last + 1) * d);
      this.signs.copyWithin(hole * words, last * words, (last + 1) * words);
      const movedDocument = this.rowDocumentIds[last]!;
      this.chunkIds[hole] = this.chunkIds[last]!;
      this.rowDocumentIds[hole] = movedDocument;
      const movedRows = this.rowsByDocument.get(movedDocument)!;
      movedRows[movedRows.indexOf(last)] = hole;
    }
    this.chunkIds.length = last;
    this.rowDocumentIds.length = last;
  }
}

/**
 * Scales a vector so its largest component is ±127 and rounds it (cosine does not see the
 * scale), into `out` when given.
 */
export function quantizeVector(
  vector: ArrayLike<number>,
  out = new Int8Array(vector.length),
): Int8Array {
  let largest = 0;
  for (let i = 0; i < vector.length; i++) largest = Math.max(largest, Math.abs(vector[i]!));
  const scale = largest === 0 ? 0 : 127 / largest;
  for (let i = 0; i < vector.length; i++) out[i] = Math.round(vector[i]! * scale);
  return out;
}

function signBits(vector: Int8Array, words: number): Uint32Array {
  const bits = new Uint32Array(words);
  for (let i = 0; i < vector.length; i++) if (vector[i]! > 0) bits[i >>> 5]! |= 1 << (i & 31);
  return bits;
}

function popcount(value: number): number {
  let x = value - ((value >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
