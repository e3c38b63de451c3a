import { randomUUID } from 'node:crypto';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Logger } from 'pino';
import {
  assertConsistentDocument,
  EmbedderMismatchError,
  type IndexedDocument,
  type VectorHit,
  type VectorQuery,
  type VectorStore,
  VectorStoreError,
} from './vector-store.js';

export interface Neo4jVectorStoreOptions {
  uri: string;
  auth?: { username: string; password: string };
  /** Prefixes every label, constraint and index name, so several stores can share a server. */
  namespace?: string;
  logger?: Logger;
  /** How long an operation keeps retrying while Neo4j is unreachable or busy. */
  retryTimeoutMs?: number;
  /** Up to this many chunks, a search restricted to documents scores all of theirs directly. */
  wholeDocumentChunks?: number;
}

/** Labels and schema names of one namespace. */
export function neo4jNames(namespace = '') {
  if (!/^([A-Za-z][A-Za-z0-9_]*)?$/.test(namespace)) {
    throw new Error(`Neo4j namespace "${namespace}" must be letters, digits and underscores`);
  }
  return {
    document: `${namespace}Document`,
    section: `${namespace}Section`,
    chunk: `${namespace}Chunk`,
    concept: `${namespace}Concept`,
    indexInfo: `${namespace}VectorIndexInfo`,
    vectorIndex: `${namespace}chunk_embeddings`,
    schemaPrefix: namespace,
  };
}

/** The Cypher the store runs, exposed so tests can check the plans Neo4j makes of it. */
export function neo4jQueries(names: ReturnType<typeof neo4jNames>) {
  const { document, section, chunk, concept, indexInfo } = names;
  return {
    schema: [
      `CREATE CONSTRAINT ${names.schemaPrefix}document_id IF NOT EXISTS FOR (n:${document}) REQUIRE n.id IS UNIQUE`,
      `CREATE CONSTRAINT ${names.schemaPrefix}section_id IF NOT EXISTS FOR (n:${section}) REQUIRE n.id IS UNIQUE`,
      `CREATE CONSTRAINT ${names.schemaPrefix}chunk_id IF NOT EXISTS FOR (n:${chunk}) REQUIRE n.id IS UNIQUE`,
      `CREATE CONSTRAINT ${names.schemaPrefix}concept_name IF NOT EXISTS FOR (n:${concept}) REQUIRE n.name IS UNIQUE`,
      `CREATE CONSTRAINT ${names.schemaPrefix}vector_index_info_name IF NOT EXISTS FOR (n:${indexInfo}) REQUIRE n.name IS UNIQUE`,
      `CREATE INDEX ${names.schemaPrefix}chunk_document IF NOT EXISTS FOR (n:${chunk}) ON (n.documentId)`,
      `CREATE INDEX ${names.schemaPrefix}section_document IF NOT EXISTS FOR (n:${section}) ON (n.documentId)`,
    ],
    indexInfo: `
      OPTIONAL MATCH (i:${indexInfo} {name: $indexName})
      RETURN i.embedder AS embedder, i.dimension AS dimension,
             EXISTS { MATCH (c:${chunk}) WHERE c.embedder = i.embedder } AS hasVectors`,
    recordIndexInfo: `
      MERGE (i:${indexInfo} {name: $indexName})
      SET i.embedder = $embedder, i.dimension = $dimension`,
    /** Vectors of another embedder would pollute (same dimension) or be ignored by the new index. */
    removeOtherEmbeddings: `
      MATCH (c:${chunk}) WHERE c.embedding IS NOT NULL AND c.embedder <> $embedder
      CALL (c) { REMOVE c.embedding } IN TRANSACTIONS OF 5000 ROWS`,
    conceptsOfDocument: `
      MATCH (:${chunk} {documentId: $documentId})-[:MENTIONS]->(k:${concept})
      RETURN collect(DISTINCT k.name) AS names`,
    deleteChunks: `MATCH (c:${chunk} {documentId: $documentId}) DETACH DELETE c`,
    deleteSections: `MATCH (s:${section} {documentId: $documentId}) DETACH DELETE s`,
    deleteDocument: `MATCH (d:${document} {id: $documentId}) DETACH DELETE d`,
    deleteOrphanConcepts: `
      UNWIND $names AS name
      MATCH (k:${concept} {name: name}) WHERE NOT EXISTS { (k)<-[:MENTIONS]-() }
      DELETE k`,
    createDocument: `
      CREATE (:${document} {id: $documentId, title: $title, embedder: $embedder, dimension: $dimension,
                            chunkCount: $chunkCount})`,
    chunksOfDocuments: `
      MATCH (d:${document}) WHERE d.id IN $documentIds RETURN coalesce(sum(d.chunkCount), 0) AS total`,
    createSections: `
      UNWIND $sections AS s
      CREATE (:${section} {id: s.id, documentId: $documentId, title: s.title, level: s.level,
                           headingPath: s.headingPath, ordinal: s.ordinal})`,
    linkTopSections: `
      MATCH (d:${document} {id: $documentId})
      UNWIND $sectionIds AS id
      MATCH (s:${section} {id: id})
      CREATE (d)-[:HAS_SECTION]->(s)`,
    linkNestedSections: `
      UNWIND $links AS link
      MATCH (parent:${section} {id: link.parentId}), (child:${section} {id: link.id})
      CREATE (parent)-[:HAS_SECTION]->(child)`,
    createChunks: `
      UNWIND $chunks AS row
      MATCH (s:${section} {id: row.sectionId})
      CREATE (s)-[:HAS_CHUNK]->(c:${chunk} {id: row.id, documentId: $documentId, ordinal: row.ordinal,
             headingPath: row.headingPath, pageStart: row.pageStart, pageEnd: row.pageEnd,
             embedder: $embedder})
      WITH c, row
      CALL db.create.setNodeVectorProperty(c, 'embedding', row.vector)`,
    linkNext: `
      UNWIND $pairs AS pair
      MATCH (a:${chunk} {id: pair[0]}), (b:${chunk} {id: pair[1]})
      CREATE (a)-[:NEXT]->(b)`,
    linkConcepts: `
      UNWIND $mentions AS m
      MATCH (c:${chunk} {id: m.chunkId})
      MERGE (k:${concept} {name: m.name})
      CREATE (c)-[:MENTIONS]->(k)`,
    /**
     * The index's approximate candidates, re-scored exactly (its own scores are quantised). The
     * first line makes it answer nothing rather than query an index made by another embedder.
     */
    nearest: `
      MATCH (i:${indexInfo} {name: $indexName})
      WHERE i.embedder = $embedder AND i.dimension = $dimension
      CALL db.index.vector.queryNodes($indexName, $candidates, $vector) YIELD node
      WHERE $documentIds IS NULL OR node.documentId IN $documentIds
      WITH node, vector.similarity.cosine(node.embedding, $vector) AS similarity
      RETURN node.id AS chunkId, node.documentId AS documentId, similarity
      ORDER BY similarity DESC LIMIT $limit`,
    /** Bounded by the named documents' chunks, found through the documentId index. */
    nearestInDocuments: `
      MATCH (i:${indexInfo} {name: $indexName})
      WHERE i.embedder = $embedder AND i.dimension = $dimension
      MATCH (c:${chunk}) WHERE c.documentId IN $documentIds AND c.embedding IS NOT NULL
      WITH c, vector.similarity.cosine(c.embedding, $vector) AS similarity
      RETURN c.id AS chunkId, c.documentId AS documentId, similarity
      ORDER BY similarity DESC LIMIT $limit`,
  };
}

interface SectionRow {
  id: string;
  title: string;
  level: number;
  headingPath: string[];
  ordinal: number;
  parentId: string | null;
}

/**
 * Documents as a graph, (:Document)-[:HAS_SECTION]->(:Section)-[:HAS_SECTION]->...-[:HAS_CHUNK]->
 * (:Chunk)-[:NEXT]->(:Chunk), chunks -[:MENTIONS]-> (:Concept) for their key terms, and one
 * vector index over chunk embeddings, searched through db.index.vector.queryNodes. A
 * (:VectorIndexInfo) node records which embedder the index serves; indexing a document made by
 * another embedder rebuilds the index for it, and the older documents then need reindexing.
 */
export function createNeo4jVectorStore({
  uri,
  auth,
  namespace = '',
  logger,
  retryTimeoutMs = 15_000,
  wholeDocumentChunks = 5_000,
}: Neo4jVectorStoreOptions): VectorStore {
  const names = neo4jNames(namespace);
  const queries = neo4jQueries(names);
  const driver: Driver = neo4j.driver(
    uri,
    auth ? neo4j.auth.basic(auth.username, auth.password) : undefined,
    {
      disableLosslessIntegers: true,
      connectionTimeout: Math.min(retryTimeoutMs, 5_000),
      connectionAcquisitionTimeout: retryTimeoutMs,
      maxTransactionRetryTime: retryTimeoutMs,
    },
  );
  let schemaReady: Promise<void> | undefined;

  const fail = (action: string) => (error: unknown) => {
    if (error instanceof EmbedderMismatchError) throw error;
    throw new VectorStoreError('neo4j', action, error);
  };

  function ensureSchema(): Promise<void> {
    schemaReady ??= (async () => {
      for (const statement of queries.schema) await driver.executeQuery(statement);
    })().catch((error) => {
      schemaReady = undefined;
      throw error;
    });
    return schemaReady;
  }

  async function readIndexInfo() {
    const { records } = await driver.executeQuery(
      queries.indexInfo,
      { indexName: names.vectorIndex },
      { routing: 'READ' },
    );
    const record = records[0]!;
    const embedder = record.get('embedder') as string | null;
    if (embedder === null) return null;
    return {
      embedder,
      dimension: record.get('dimension') as number,
      hasVectors: record.get('hasVectors') as boolean,
    };
  }

  /** Makes the vector index serve this embedder, creating or rebuilding it as needed. */
  async function ensureVectorIndex(embedder: string, dimension: number) {
    const info = await readIndexInfo();
    if (info?.embedder === embedder && info.dimension === dimension) return;
    if (info) {
      logger?.warn(
        { from: info.embedder, to: embedder, dimension },
        'rebuilding the Neo4j vector index for another embedder; reindex the older documents',
      );
      await driver.executeQuery(`DROP INDEX ${names.vectorIndex} IF EXISTS`);
      const session = driver.session();
      try {
        await session.run(queries.removeOtherEmbeddings, { embedder });
      } finally {
        await session.close();
      }
    }
    await driver.executeQuery(
      `CREATE VECTOR INDEX ${names.vectorIndex} IF NOT EXISTS FOR (c:${names.chunk}) ON c.embedding
       OPTIONS {indexConfig: {\`vector.dimensions\`: ${dimension}, \`vector.similarity_function\`: 'cosine'}}`,
    );
    await driver.executeQuery('CALL db.awaitIndex($name, 300)', { name: names.vectorIndex });
    await driver.executeQuery(queries.recordIndexInfo, {
      indexName: names.vectorIndex,
      embedder,
      dimension: neo4j.int(dimension),
    });
  }

  async function removeDocument(tx: ManagedTransaction, documentId: string): Promise<string[]> {
    const concepts = await tx.run(queries.conceptsOfDocument, { documentId });
    await tx.run(queries.deleteChunks, { documentId });
    await tx.run(queries.deleteSections, { documentId });
    await tx.run(queries.deleteDocument, { documentId });
    return concepts.records[0]?.get('names') ?? [];
  }

  async function writeDocument(tx: ManagedTransaction, document: IndexedDocument) {
    const { embedder, dimension } = document;
    const { records } = await tx.run(queries.indexInfo, { indexName: names.vectorIndex });
    if (records[0]?.get('embedder') !== embedder || records[0]?.get('dimension') !== dimension) {
      throw new Error('the vector index was switched to another embedder while indexing; retry');
    }
    const documentId = document.id;
    const touched = await removeDocument(tx, documentId);
    await tx.run(queries.createDocument, {
      documentId,
      title: document.title,
      embedder,
      dimension: neo4j.int(dimension),
      chunkCount: neo4j.int(document.chunks.length),
    });
    const { sections, sectionOf } = planSections(document);
    await tx.run(queries.createSections, {
      documentId,
      sections: sections.map((s) => ({
        id: s.id,
        title: s.title,
        level: neo4j.int(s.level),
        headingPath: s.headingPath,
        ordinal: neo4j.int(s.ordinal),
      })),
    });
    await tx.run(queries.linkTopSections, {
      documentId,
      sectionIds: sections.filter((s) => s.parentId === null).map((s) => s.id),
    });
    await tx.run(queries.linkNestedSections, {
      links: sections
        .filter((s) => s.parentId !== null)
        .map((s) => ({ id: s.id, parentId: s.parentId })),
    });
    const chunks = [...document.chunks].sort((a, b) => a.ordinal - b.ordinal);
    await tx.run(queries.createChunks, {
      documentId,
      embedder,
      chunks: chunks.map((chunk) => ({
        id: chunk.id,
        sectionId: sectionOf(chunk.headingPath),
        ordinal: neo4j.int(chunk.ordinal),
        headingPath: chunk.headingPath,
        pageStart: chunk.pageStart === null ? null : neo4j.int(chunk.pageStart),
        pageEnd: chunk.pageEnd === null ? null : neo4j.int(chunk.pageEnd),
        vector: Array.from(chunk.vector),
      })),
    });
    await tx.run(queries.linkNext, {
      pairs: chunks.slice(1).map((chunk, index) => [chunks[index]!.id, chunk.id]),
    });
    const mentions = chunks.flatMap((chunk) =>
      [...new Set(chunk.keyTerms.map(conceptName).filter((name) => name.length > 0))].map(
        (name) => ({ chunkId: chunk.id, name }),
      ),
    );
    await tx.run(queries.linkConcepts, { mentions });
    await tx.run(queries.deleteOrphanConcepts, { names: touched });
  }

  async function countChunks(documentIds: readonly string[]): Promise<number> {
    const { records } = await driver.executeQuery(
      queries.chunksOfDocuments,
      { documentIds: [...documentIds] },
      { routing: 'READ' },
    );
    return records[0]!.get('total') as number;
  }

  async function runNearest(query: string, params: Record<string, unknown>): Promise<VectorHit[]> {
    const { records } = await driver.executeQuery(query, params, { routing: 'READ' });
    return records.map((record) => ({
      chunkId: record.get('chunkId') as string,
      documentId: record.get('documentId') as string,
      // Neo4j reports cosine as (1 + cos) / 2.
      score: Math.max(-1, Math.min(1, 2 * (record.get('similarity') as number) - 1)),
    }));
  }

  return {
    kind: 'neo4j',

    async upsertDocument(document) {
      assertConsistentDocument(document);
      await (async () => {
        await ensureSchema();
        await ensureVectorIndex(document.embedder, document.dimension);
        const session = driver.session();
        try {
          await session.executeWrite((tx) => writeDocument(tx, document));
        } finally {
          await session.close();
        }
      })().catch(fail(`index document ${document.id}`));
    },

    async deleteDocument(documentId) {
      const session = driver.session();
      try {
        await session.executeWrite(async (tx) => {
          const touched = await removeDocument(tx, documentId);
          await tx.run(queries.deleteOrphanConcepts, { names: touched });
        });
      } catch (error) {
        fail(`remove document ${documentId}`)(error);
      } finally {
        await session.close();
      }
    },

    async search({ vector, embedder, limit, documentIds }: VectorQuery) {
      return (async () => {
        const params = {
          indexName: names.vectorIndex,
          embedder,
          dimension: neo4j.int(vector.length),
          vector: Array.from(vector),
          limit: neo4j.int(limit),
          documentIds: documentIds ? [...documentIds] : null,
          // Spare candidates for the exact re-scoring; more when a filter will discard some.
          candidates: neo4j.int(documentIds ? Math.min(limit * 10 + 100, 2_000) : limit * 2 + 10),
        };
        const skip = limit <= 0 || documentIds?.length === 0;
        // A few documents are scored whole (exact and cheap); many go through the index first.
        const scoreWhole =
          !skip &&
          documentIds !== undefined &&
          (await countChunks(documentIds)) <= wholeDocumentChunks;
        const query = scoreWhole ? queries.nearestInDocuments : queries.nearest;
        const hits = skip ? [] : await runNearest(query, params);
        if (hits.length >= limit) return hits;
        // Short of the limit: the store may be small, filtered, empty or of another embedder.
        const info = await readIndexInfo();
        if (!info) return [];
        if (info.embedder !== embedder || info.dimension !== vector.length) {
          if (!info.hasVectors) return [];
          throw new EmbedderMismatchError(info, { embedder, dimension: vector.length });
        }
        if (skip || !documentIds || scoreWhole) return hits;
        return runNearest(queries.nearestInDocuments, params);
      })().catch(fail('search'));
    },

    async describe() {
      const info = await readIndexInfo().catch(fail('describe its index'));
      return info?.hasVectors ? { embedder: info.embedder, dimension: info.dimension } : null;
    },

    async ping() {
      await driver.verifyConnectivity().catch(fail('be reached'));
    },

    async close() {
      await driver.close();
    },
  };
}

/** One section per distinct heading path prefix; chunks without headings sit in the document's own. */
function planSections(document: IndexedDocument) {
  const sections: SectionRow[] = [];
  const byPath = new Map<string, SectionRow>();
  const key = (path: readonly string[]) => JSON.stringify(path);
  const ensure = (path: readonly string[]): SectionRow => {
    const existing = byPath.get(key(path));
    if (existing) return existing;
    const parent = path.length > 1 ? ensure(path.slice(0, -1)) : null;
    const row: SectionRow = {
      id: randomUUID(),
      title: path.at(-1) ?? document.title,
      level: Math.max(path.length, 1),
      headingPath: [...path],
      ordinal: sections.length,
      parentId: parent?.id ?? null,
    };
    sections.push(row);
    byPath.set(key(path), row);
    return row;
  };
  for (const chunk of [...document.chunks].sort((a, b) => a.ordinal - b.ordinal)) {
    ensure(chunk.headingPath);
  }
  return { sections, sectionOf: (path: readonly string[]) => ensure(path).id };
}

function conceptName(term: string): string {
  return term.trim().replace(/\s+/g, ' ').toLowerCase();
}
