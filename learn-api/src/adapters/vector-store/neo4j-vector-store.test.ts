import { randomBytes } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testServerUrl } from '../../test-support/test-env.js';
import {
  direction,
  makeChunk,
  makeDocument,
  registerVectorStoreContract,
} from '../../test-support/vector-store-contract.js';
import { createNeo4jVectorStore, neo4jNames, neo4jQueries } from './neo4j-vector-store.js';
import type { VectorStore } from './vector-store.js';

const uri = testServerUrl('TEST_NEO4J_URI');

describe.skipIf(!uri)('Neo4j vector store', () => {
  // The server is shared: every store here lives under its own label and schema-name prefix,
  // and everything under it is removed afterwards.
  let driver: Driver;
  const namespaces: string[] = [];

  function openStore(): { store: VectorStore; namespace: string } {
    const namespace = `T${randomBytes(6).toString('hex')}_`;
    namespaces.push(namespace);
    return { store: createNeo4jVectorStore({ uri: uri!, namespace }), namespace };
  }

  async function removeNamespace(namespace: string) {
    const constraints = await driver.executeQuery(
      'SHOW CONSTRAINTS YIELD name WHERE name STARTS WITH $prefix RETURN name',
      { prefix: namespace },
    );
    for (const r of constraints.records)
      await driver.executeQuery(`DROP CONSTRAINT ${r.get('name')}`);
    const indexes = await driver.executeQuery(
      'SHOW INDEXES YIELD name WHERE name STARTS WITH $prefix RETURN name',
      { prefix: namespace },
    );
    for (const r of indexes.records)
      await driver.executeQuery(`DROP INDEX ${r.get('name')} IF EXISTS`);
    await removeNodes(namespace);
  }

  async function removeNodes(namespace: string) {
    const names = neo4jNames(namespace);
    for (const label of [
      names.document,
      names.section,
      names.chunk,
      names.concept,
      names.indexInfo,
    ]) {
      await driver.executeQuery(`MATCH (n:${label}) DETACH DELETE n`);
    }
  }

  beforeAll(() => {
    driver = neo4j.driver(uri!, undefined, { disableLosslessIntegers: true });
  });
  afterAll(async () => {
    for (const namespace of namespaces) await removeNamespace(namespace);
    await driver?.close();
  });

  describe('contract', () => {
    const namespace = `T${randomBytes(6).toString('hex')}_`;
    namespaces.push(namespace);
    registerVectorStoreContract(async () => {
      const store = createNeo4jVectorStore({ uri: uri!, namespace });
      return {
        store,
        index: (document) => store.upsertDocument(document),
        openUnreachable: () =>
          createNeo4jVectorStore({ uri: 'bolt://127.0.0.1:1', retryTimeoutMs: 1_000 }),
        async close() {
          await store.close();
          await removeNodes(namespace);
        },
      };
    });
  });

  describe('graph', () => {
    let store: VectorStore;
    let names: ReturnType<typeof neo4jNames>;
    beforeAll(() => {
      const opened = openStore();
      store = opened.store;
      names = neo4jNames(opened.namespace);
    });
    afterEach(async () => {
      await removeNodes(names.schemaPrefix);
    });
    afterAll(async () => {
      await store?.close();
    });

    const graphMaterial = () => {
      const document = makeDocument([]);
      document.dimension = 8;
      document.chunks = [
        makeChunk(0, direction(0), {
          headingPath: ['Graphs', 'Shortest paths'],
          keyTerms: ['Dijkstra'],
        }),
        makeChunk(1, direction(1), {
          headingPath: ['Graphs', 'Shortest paths'],
          keyTerms: ['dijkstra', 'Priority queue'],
        }),
        makeChunk(2, direction(2), {
          headingPath: ['Graphs', 'Trees'],
          keyTerms: ['Spanning tree'],
        }),
        makeChunk(3, direction(3), { headingPath: ['Sorting'], keyTerms: [] }),
      ];
      return document;
    };

    it('stores documents as sections nested by heading path, chunks in order and their concepts', async () => {
      const document = graphMaterial();
      await store.upsertDocument(document);

      const sections = await driver.executeQuery(
        `MATCH path = (:${names.document} {id: $id})-[:HAS_SECTION*]->(s:${names.section})
         RETURN [n IN nodes(path)[1..] | n.title] AS titles ORDER BY titles`,
        { id: document.id },
      );
      expect(sections.records.map((r) => r.get('titles'))).toEqual([
        ['Graphs'],
        ['Graphs', 'Shortest paths'],
        ['Graphs', 'Trees'],
        ['Sorting'],
      ]);

      const placement = await driver.executeQuery(
        `MATCH (s:${names.section})-[:HAS_CHUNK]->(c:${names.chunk} {documentId: $id})
         RETURN c.ordinal AS ordinal, s.title AS section ORDER BY ordinal`,
        { id: document.id },
      );
      expect(placement.records.map((r) => [r.get('ordinal'), r.get('section')])).toEqual([
        [0, 'Shortest paths'],
        [1, 'Shortest paths'],
        [2, 'Trees'],
        [3, 'Sorting'],
      ]);

      const chain = await driver.executeQuery(
        `MATCH (a:${names.chunk} {documentId: $id})-[:NEXT]->(b) RETURN a.ordinal AS a, b.ordinal AS b ORDER BY a`,
        { id: document.id },
      );
      expect(chain.records.map((r) => [r.get('a'), r.get('b')])).toEqual([
        [0, 1],
        [1, 2],
        [2, 3],
      ]);

      const concepts = await driver.executeQuery(
        `MATCH (c:${names.chunk})-[:MENTIONS]->(k:${names.concept})
         RETURN k.name AS name, collect(c.ordinal) AS ordinals ORDER BY name`,
      );
      expect(concepts.records.map((r) => [r.get('name'), [...r.get('ordinals')].sort()])).toEqual([
        ['dijkstra', [0, 1]],
        ['priority queue', [1]],
        ['spanning tree', [2]],
      ]);
    });

    it('re-indexing rewrites the graph and deleting leaves no node behind but shared concepts', async () => {
      const document = graphMaterial();
      const other = makeDocument([direction(5)]);
      other.chunks[0]!.keyTerms = ['Dijkstra'];
      await store.upsertDocument(document);
      await store.upsertDocument(other);
      await store.upsertDocument({ ...document, chunks: document.chunks.slice(0, 1) });

      const count = async (label: string) =>
        (await driver.executeQuery(`MATCH (n:${label}) RETURN count(n) AS n`)).records[0]!.get('n');
      expect(await count(names.chunk)).toBe(2);
      expect(await count(names.concept)).toBe(1);

      await store.deleteDocument(document.id);

      expect(await count(names.document)).toBe(1);
      expect(await count(names.section)).toBe(1);
      expect(await count(names.chunk)).toBe(1);
      const left = await driver.executeQuery(`MATCH (k:${names.concept}) RETURN k.name AS name`);
      expect(left.records.map((r) => r.get('name'))).toEqual(['dijkstra']);
      await store.deleteDocument(other.id);
      expect(await count(names.concept)).toBe(0);
    });

    it('searches through the vector index procedure, and filters by documents through an index', async () => {
      await store.upsertDocument(makeDocument([direction(0)]));
      const queries = neo4jQueries(names);
      const params = {
        indexName: names.vectorIndex,
        vector: Array.from(direction(0)),
        limit: neo4j.int(5),
        candidates: neo4j.int(20),
        documentIds: ['a'],
        embedder: 'contract-embedder-v1',
        dimension: neo4j.int(8),
      };
      const operators = async (query: string) => {
        const { summary } = await driver.executeQuery(`EXPLAIN ${query}`, params);
        const found: string[] = [];
        const walk = (plan: {
          operatorType: string;
          arguments: Record<string, unknown>;
          children: unknown[];
        }) => {
          found.push(`${plan.operatorType} ${String(plan.arguments.Details ?? '')}`);
          for (const child of plan.children) walk(child as typeof plan);
        };
        walk(summary.plan as never);
        return found;
      };

      const nearest = await operators(queries.nearest);
      expect(nearest.some((op) => /^ProcedureCall.*db\.index\.vector\.queryNodes/.test(op))).toBe(
        true,
      );
      expect(nearest.some((op) => /AllNodesScan|NodeByLabelScan/.test(op))).toBe(false);
      const filtered = await operators(queries.nearestInDocuments);
      expect(filtered.some((op) => /^NodeIndexSeek/.test(op))).toBe(true);
      expect(filtered.some((op) => /AllNodesScan|NodeByLabelScan/.test(op))).toBe(false);
    });

    it('a filter over large documents goes through the index, then scores only theirs if short', async () => {
      const viaIndex = createNeo4jVectorStore({
        uri: uri!,
        namespace: names.schemaPrefix,
        wholeDocumentChunks: 0,
      });
      try {
        const crowd = makeDocument(Array.from({ length: 150 }, (_, i) => direction(0, i * 0.002)));
        const far = makeDocument([1.0, 1.2, 1.4].map((t) => direction(0, t)));
        await viaIndex.upsertDocument(crowd);
        await viaIndex.upsertDocument(far);
        const search = (documentIds: string[], limit: number) =>
          viaIndex.search({ vector: direction(0), embedder: crowd.embedder, limit, documentIds });

        // The crowd fills all 130 candidates the index returns: the far document needs scoring.
        expect((await search([far.id], 3)).map((h) => h.chunkId)).toEqual(
          far.chunks.map((c) => c.id),
        );
        expect((await search([crowd.id], 2)).map((h) => h.chunkId)).toEqual(
          crowd.chunks.slice(0, 2).map((c) => c.id),
        );
      } finally {
        await viaIndex.close();
      }
    });

    it('records the embedder of its index and rebuilds the index for a new one', async () => {
      const old = makeDocument([direction(0)], { embedder: 'old-model' });
      await store.upsertDocument(old);
      const info = await driver.executeQuery(
        `MATCH (i:${names.indexInfo}) RETURN i.name AS name, i.embedder AS embedder, i.dimension AS dimension`,
      );
      expect(info.records.map((r) => r.toObject())).toEqual([
        { name: names.vectorIndex, embedder: 'old-model', dimension: 8 },
      ]);

      const fresh = makeDocument([direction(0, 0.1, 4)], { embedder: 'new-model' });
      await store.upsertDocument(fresh);

      expect(await store.describe()).toEqual({ embedder: 'new-model', dimension: 4 });
      const hits = await store.search({
        vector: direction(0, 0, 4),
        embedder: 'new-model',
        limit: 5,
      });
      expect(hits.map((h) => h.documentId)).toEqual([fresh.id]);
      await expect(
        store.search({ vector: direction(0), embedder: 'old-model', limit: 5 }),
      ).rejects.toThrow(/indexed with new-model \(4 dimensions\).*reindex/);
    });
  });
});
