import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseServerUrl, openTestDatabase } from '../../test-support/test-database.js';
import {
  direction,
  makeDocument,
  registerVectorStoreContract,
} from '../../test-support/vector-store-contract.js';
import type { Database } from '../database/database.js';
import { createPostgresVectorStore } from './postgres-vector-store.js';
import type { IndexedDocument, VectorStore } from './vector-store.js';

/** Writes the document and its chunks as the ingest job does: PostgreSQL first. */
async function recordDocument(db: Database, document: IndexedDocument) {
  await db.$transaction([
    db.document.upsert({
      where: { id: document.id },
      create: {
        id: document.id,
        title: document.title,
        contentHash: `sha256:${document.id}`,
        cognitoUserId: 'instructor-1',
        status: 'indexed',
        embedder: document.embedder,
        dimension: document.dimension,
      },
      update: { embedder: document.embedder, dimension: document.dimension },
    }),
    db.chunk.deleteMany({ where: { documentId: document.id } }),
    db.chunk.createMany({
      data: document.chunks.map((chunk) => ({
        id: chunk.id,
        documentId: document.id,
        ordinal: chunk.ordinal,
        text: `chunk ${chunk.ordinal}`,
        tokenCount: 2,
        headingPath: chunk.headingPath,
        keyTerms: chunk.keyTerms,
        embedding: Array.from(chunk.vector),
        embedder: document.embedder,
        dimension: document.dimension,
      })),
    }),
  ]);
}

describe.skipIf(!databaseServerUrl)('PostgreSQL vector store', () => {
  let testDb: Awaited<ReturnType<typeof openTestDatabase>>;
  let db: Database;
  beforeAll(async () => {
    testDb = await openTestDatabase();
    db = testDb.db;
  });
  afterAll(async () => {
    await Promise.all(opened.map((store) => store.close()));
    await testDb?.close();
  });

  const opened: VectorStore[] = [];
  const openStore = (refreshIntervalMs = 0) => {
    const store = createPostgresVectorStore({
      databaseUrl: testDb.database.url,
      refreshIntervalMs,
    });
    opened.push(store);
    return store;
  };

  describe('contract', () => {
    registerVectorStoreContract(async () => {
      await db.document.deleteMany();
      const store = openStore();
      return {
        store,
        async index(document) {
          await recordDocument(db, document);
          await store.upsertDocument(document);
        },
        openUnreachable: () =>
          createPostgresVectorStore({ databaseUrl: 'postgres://learntrac@127.0.0.1:1/learntrac' }),
        close: async () => {},
      };
    });
  });

  describe('with several processes', () => {
    it('sees documents another process indexed, re-indexed and deleted', async () => {
      await db.document.deleteMany();
      const writer = openStore();
      const reader = openStore();
      const first = makeDocument([direction(0), direction(0, 0.2)]);
      expect(
        await reader.search({ vector: direction(0), embedder: first.embedder, limit: 5 }),
      ).toEqual([]);

      await recordDocument(db, first);
      await writer.upsertDocument(first);
      const seen = await reader.search({
        vector: direction(0),
        embedder: first.embedder,
        limit: 5,
      });
      expect(seen.map((h) => h.chunkId)).toEqual(first.chunks.map((c) => c.id));

      const again = makeDocument([direction(0, 0.1)], { id: first.id });
      await recordDocument(db, again);
      await writer.upsertDocument(again);
      const replaced = await reader.search({
        vector: direction(0),
        embedder: first.embedder,
        limit: 5,
      });
      expect(replaced.map((h) => h.chunkId)).toEqual([again.chunks[0]!.id]);

      await writer.deleteDocument(first.id);
      expect(
        await reader.search({ vector: direction(0), embedder: first.embedder, limit: 5 }),
      ).toEqual([]);
    });

    it('drops a document removed from PostgreSQL without the store being told', async () => {
      await db.document.deleteMany();
      const store = openStore();
      const document = makeDocument([direction(2)]);
      await recordDocument(db, document);
      await store.upsertDocument(document);

      await db.document.delete({ where: { id: document.id } });

      expect(
        await store.search({ vector: direction(2), embedder: document.embedder, limit: 5 }),
      ).toEqual([]);
    });

    it('looks for other processes’ changes at most once per refresh interval', async () => {
      await db.document.deleteMany();
      const slow = openStore(60_000);
      const writer = openStore();
      expect(await slow.describe()).toBeNull();
      const document = makeDocument([direction(6)]);
      await recordDocument(db, document);
      await writer.upsertDocument(document);

      // Not reloaded yet; the candidate it does not know of is not returned either.
      expect(await slow.describe()).toBeNull();
    });
  });

  it('refuses to index a document whose chunks are not committed to PostgreSQL', async () => {
    await db.document.deleteMany();
    const store = openStore();
    const document = makeDocument([direction(1)]);

    await expect(store.upsertDocument(document)).rejects.toThrow(/not in learning.documents/);

    await recordDocument(db, { ...document, chunks: [] });
    await expect(store.upsertDocument(document)).rejects.toThrow(
      /holds 0 vectors .* but 1 were given/,
    );
  });
});
