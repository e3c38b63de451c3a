import pg from 'pg';
import type { Logger } from 'pino';
import { Int8VectorMatrix, quantizeVector } from './int8-vector-matrix.js';
import {
  assertConsistentDocument,
  cosineSimilarity,
  EmbedderMismatchError,
  type IndexedDocument,
  type VectorHit,
  type VectorQuery,
  type VectorStore,
  VectorStoreError,
} from './vector-store.js';

export interface PostgresVectorStoreOptions {
  databaseUrl: string;
  logger?: Logger;
  /** How often at most a search looks for chunks that other processes changed. */
  refreshIntervalMs?: number;
}

interface QuantizedChunk {
  id: string;
  vector: Int8Array;
}

interface ChunkRow {
  id: string;
  documentId: string;
  embedder: string;
  dimension: number;
  /** array_send(embedding) as PostgreSQL's hex text, decoded without an intermediate buffer. */
  embedding: string;
}

const pageSize = 500;
const chunkColumns = `id::text AS id, document_id::text AS "documentId", embedder, dimension,
  array_send(embedding) AS embedding`;

/**
 * Vectors kept where they are recorded, in `learning.chunks.embedding`, and searched in process
 * over an int8 copy loaded from PostgreSQL. Every write to a document's vectors also moves its
 * `documents.updated_at`, so each process finds what others changed by comparing those stamps
 * (at most once per refresh interval) and reloads only the documents whose stamp moved.
 * The top candidates are re-scored from the float vectors in PostgreSQL, which also drops any
 * chunk deleted since the last refresh.
 *
 * It reads through its own small node-postgres pool: vectors come back in PostgreSQL's binary
 * array form, several times faster and leaner than through the ORM's raw queries.
 */
export function createPostgresVectorStore({
  databaseUrl,
  logger,
  refreshIntervalMs = 1_000,
}: PostgresVectorStoreOptions): VectorStore {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 3,
    idleTimeoutMillis: 5_000,
    connectionTimeoutMillis: 5_000,
    allowExitOnIdle: true,
    types: {
      getTypeParser: (oid, format) =>
        oid === byteaOid ? keepText : pg.types.getTypeParser(oid, format),
    },
  });
  // Decoded vectors pass through here on their way to int8 or a score (enough for 4096 dimensions).
  const scratch = new Float32Array(4_096);
  // An idle connection dropped by the server must not take the process down.
  pool.on('error', (error) => logger?.warn({ err: error }, 'vector store connection lost'));
  const matrices = new Map<string, { embedder: string; matrix: Int8VectorMatrix }>();
  /** Each document's `updated_at` as loaded; a different value means its vectors may differ. */
  const loadedVersions = new Map<string, string>();
  let checkedAt = Number.NEGATIVE_INFINITY;
  let refreshing: Promise<void> | undefined;

  const matrixKey = (embedder: string, dimension: number) => `${dimension}:${embedder}`;

  function removeFromMemory(documentId: string) {
    for (const { matrix } of matrices.values()) matrix.removeDocument(documentId);
  }

  /**
   * The chunks grouped by embedder and quantized, ready to replace a document's rows. Each group
   * shares one buffer and vectors are decoded into a scratch array: no allocation per chunk, which
   * would leave the process's memory fragmented after loading many of them.
   */
  function quantizeChunks(rows: readonly ChunkRow[], into = new Map<string, QuantizedChunk[]>()) {
    const groups = new Map<string, ChunkRow[]>();
    for (const row of rows) {
      const key = matrixKey(row.embedder, row.dimension);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    for (const [key, group] of groups) {
      const { embedder, dimension } = group[0]!;
      if (!matrices.has(key)) {
        matrices.set(key, { embedder, matrix: new Int8VectorMatrix(dimension) });
      }
      const block = new Int8Array(group.length * dimension);
      const list = into.get(key) ?? [];
      group.forEach((row, index) => {
        const decoded = decodeRealArray(row.embedding, scratch);
        if (decoded.length !== dimension) {
          logger?.warn(
            { chunkId: row.id, dimension, length: decoded.length },
            'chunk vector length differs from its recorded dimension; left out of search',
          );
          return;
        }
        const vector = block.subarray(index * dimension, (index + 1) * dimension);
        list.push({ id: row.id, vector: quantizeVector(decoded, vector) });
      });
      into.set(key, list);
    }
    return into;
  }

  function applyDocument(documentId: string, chunks: Map<string, QuantizedChunk[]>) {
    removeFromMemory(documentId);
    for (const [key, list] of chunks) matrices.get(key)!.matrix.replaceDocument(documentId, list);
  }

  async function inTransaction<T>(
    isolation: 'READ COMMITTED' | 'REPEATABLE READ',
    work: (client: pg.PoolClient) => Promise<T>,
  ): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      const result = await work(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(true);
      throw error;
    }
  }

  /** Loads the documents' chunk vectors, replacing whatever this process held for them. */
  async function loadDocuments(client: pg.PoolClient, documentIds: string[]) {
    const counts = await client.query<{ embedder: string; dimension: number; count: number }>(
      `SELECT embedder, dimension, count(*)::int AS count FROM learning.chunks
       WHERE document_id = ANY($1::uuid[]) AND embedder IS NOT NULL
       GROUP BY embedder, dimension`,
      [documentIds],
    );
    for (const { embedder, dimension, count } of counts.rows) {
      const key = matrixKey(embedder, dimension);
      if (!matrices.has(key)) {
        matrices.set(key, { embedder, matrix: new Int8VectorMatrix(dimension) });
      }
      matrices.get(key)!.matrix.reserve(count);
    }
    // Document by document, page by page: only quantized rows are held until a document is
    // complete, so loading many documents never holds their float vectors at once.
    for (const documentId of documentIds) {
      const chunks = new Map<string, QuantizedChunk[]>();
      let after = -1;
      for (;;) {
        const { rows } = await client.query<ChunkRow & { ordinal: number }>(
          `SELECT ${chunkColumns}, ordinal FROM learning.chunks
           WHERE document_id = $1::uuid AND embedder IS NOT NULL AND ordinal > $2
           ORDER BY ordinal LIMIT ${pageSize}`,
          [documentId, after],
        );
        quantizeChunks(rows, chunks);
        if (rows.length < pageSize) break;
        after = rows[rows.length - 1]!.ordinal;
      }
      applyDocument(documentId, chunks);
    }
  }

  async function refreshNow() {
    const started = performance.now();
    checkedAt = Date.now();
    // One snapshot: the stamps recorded match the vectors loaded with them.
    const changed = await inTransaction('REPEATABLE READ', async (client) => {
      const { rows: documents } = await client.query<{ id: string; version: string }>(
        'SELECT id::text AS id, updated_at::text AS version FROM learning.documents',
      );
      const present = new Set(documents.map((d) => d.id));
      for (const id of [...loadedVersions.keys()]) {
        if (present.has(id)) continue;
        removeFromMemory(id);
        loadedVersions.delete(id);
      }
      const moved = documents.filter((d) => loadedVersions.get(d.id) !== d.version);
      if (moved.length > 0) {
        await loadDocuments(
          client,
          moved.map((d) => d.id),
        );
      }
      for (const d of moved) loadedVersions.set(d.id, d.version);
      return moved.length;
    });
    if (changed > 0) {
      logger?.info(
        { documents: changed, ms: Math.round(performance.now() - started) },
        'vector store loaded changed documents',
      );
    }
  }

  function refresh(): Promise<void> {
    if (refreshing) return refreshing;
    if (Date.now() - checkedAt < refreshIntervalMs) return Promise.resolve();
    refreshing = refreshNow().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  function largestMatrix() {
    let largest: { embedder: string; matrix: Int8VectorMatrix } | undefined;
    for (const entry of matrices.values()) {
      if (entry.matrix.size > 0 && entry.matrix.size > (largest?.matrix.size ?? 0)) largest = entry;
    }
    return largest && { embedder: largest.embedder, dimension: largest.matrix.dimension };
  }

  /** Moves the document's stamp (so other processes reload it) and returns the new one. */
  async function touchDocument(client: pg.PoolClient, documentId: string) {
    const { rows } = await client.query<{ version: string }>(
      `UPDATE learning.documents SET updated_at = now() WHERE id = $1::uuid
       RETURNING updated_at::text AS version`,
      [documentId],
    );
    return rows[0]?.version;
  }

  async function rescore(query: VectorQuery, chunkIds: string[]): Promise<VectorHit[]> {
    const { rows } = await pool.query<ChunkRow>({
      text: `SELECT ${chunkColumns} FROM learning.chunks WHERE id = ANY($1::uuid[])`,
      values: [chunkIds],
    });
    return rows
      .filter((row) => row.embedder === query.embedder && row.dimension === query.vector.length)
      .map((row) => ({
        chunkId: row.id,
        documentId: row.documentId,
        score: cosineSimilarity(query.vector, decodeRealArray(row.embedding, scratch)),
      }))
      .sort((a, b) => b.score - a.score)
      .slice(0, query.limit);
  }

  return {
    kind: 'postgres',

    async upsertDocument(document: IndexedDocument) {
      assertConsistentDocument(document);
      try {
        const { version, rows } = await inTransaction('READ COMMITTED', async (client) => {
          const version = await touchDocument(client, document.id);
          if (version === undefined) {
            throw new Error(
              `document ${document.id} is not in learning.documents: commit it and its chunks first`,
            );
          }
          const { rows } = await client.query<ChunkRow>({
            text: `SELECT ${chunkColumns} FROM learning.chunks
                   WHERE document_id = $1::uuid AND embedder IS NOT NULL ORDER BY ordinal`,
            values: [document.id],
          });
          assertRowsMatch(document, rows);
          return { version, rows };
        });
        applyDocument(document.id, quantizeChunks(rows));
        loadedVersions.set(document.id, version);
      } catch (error) {
        throw new VectorStoreError('postgres', `index document ${document.id}`, error);
      }
    },

    async deleteDocument(documentId: string) {
      let version: string | undefined;
      try {
        version = await inTransaction('READ COMMITTED', async (client) => {
          await client.query(
            `UPDATE learning.chunks SET embedding = '{}', embedder = NULL, dimension = NULL
             WHERE document_id = $1::uuid`,
            [documentId],
          );
          return touchDocument(client, documentId);
        });
      } catch (error) {
        throw new VectorStoreError('postgres', `remove document ${documentId}`, error);
      }
      removeFromMemory(documentId);
      if (version === undefined) loadedVersions.delete(documentId);
      else loadedVersions.set(documentId, version);
    },

    async search(query: VectorQuery) {
      try {
        await refresh();
      } catch (error) {
        throw new VectorStoreError('postgres', 'load the chunk vectors', error);
      }
      const requested = { embedder: query.embedder, dimension: query.vector.length };
      const entry = matrices.get(matrixKey(requested.embedder, requested.dimension));
      if (!entry || entry.matrix.size === 0) {
        const stored = largestMatrix();
        if (stored) throw new EmbedderMismatchError(stored, requested);
        return [];
      }
      if (query.limit <= 0 || query.documentIds?.length === 0) return [];
      // Enough spare candidates that int8 rounding cannot push a true top hit out.
      const candidates = entry.matrix.nearest(
        quantizeVector(query.vector),
        query.limit * 2 + 10,
        query.documentIds,
      );
      if (candidates.length === 0) return [];
      try {
        return await rescore(
          query,
          candidates.map((c) => c.chunkId),
        );
      } catch (error) {
        throw new VectorStoreError('postgres', 'search', error);
      }
    },

    async describe() {
      try {
        await refresh();
      } catch (error) {
        throw new VectorStoreError('postgres', 'load the chunk vectors', error);
      }
      return largestMatrix() ?? null;
    },

    async ping() {
      try {
        await pool.query('SELECT 1');
      } catch (error) {
        throw new VectorStoreError('postgres', 'be reached', error);
      }
    },

    async close() {
      await refreshing?.catch(() => undefined);
      matrices.clear();
      loadedVersions.clear();
      await pool.end();
    },
  };
}

function assertRowsMatch(document: IndexedDocument, rows: readonly ChunkRow[]) {
  const given = new Set(document.chunks.map((c) => c.id));
  const recorded = rows.filter(
    (row) =>
      row.embedder === document.embedder &&
      row.dimension === document.dimension &&
      given.has(row.id),
  );
  if (recorded.length !== given.size || rows.length !== given.size) {
    throw new Error(
      `learning.chunks holds ${rows.length} vectors for the document (${recorded.length} of them ` +
        `the given chunks by ${document.embedder}) but ${given.size} were given: commit the ` +
        'chunk rows with their vectors before indexing the document',
    );
  }
}

const byteaOid = 17;
const keepText = (value: string) => value;

const hexDigits = new Int8Array(128).fill(-1);
for (const [index, digit] of [...'0123456789abcdef'].entries())
  hexDigits[digit.charCodeAt(0)] = index;
const floatBits = new DataView(new ArrayBuffer(4));

function readUint32(hex: string, at: number): number {
  let value = 0;
  for (let i = at; i < at + 8; i++) value = (value << 4) | hexDigits[hex.charCodeAt(i)]!;
  return value >>> 0;
}

/**
 * Decodes PostgreSQL's binary form of a one-dimensional real[] (from array_send, as bytea hex
 * text `\x...`) into `scratch` when it is long enough; `scratch` is reused by the next call.
 */
export function decodeRealArray(hex: string, scratch?: Float32Array): Float32Array {
  const start = 2;
  const dimensions = readUint32(hex, start);
  if (dimensions === 0) return new Float32Array(0);
  // Header: ndim, has-null flag, element type, then size and lower bound per dimension.
  const length = readUint32(hex, start + 24);
  const out =
    scratch && scratch.length >= length ? scratch.subarray(0, length) : new Float32Array(length);
  let at = start + (12 + 8 * dimensions) * 2;
  for (let i = 0; i < length; i++) {
    if (readUint32(hex, at) !== 4) throw new Error('a chunk embedding holds a null element');
    floatBits.setUint32(0, readUint32(hex, at + 8));
    out[i] = floatBits.getFloat32(0);
    at += 16;
  }
  return out;
}
