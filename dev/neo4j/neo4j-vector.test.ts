import { randomUUID } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTestServerUrl } from '../servers/test-server-url.js';

const uri = findTestServerUrl({ variable: 'TEST_NEO4J_URI', server: 'Neo4j' });

// A label and index of this file's own, so parallel runs against one server never meet.
const suffix = randomUUID().replaceAll('-', '');
const label = `VectorProbe_${suffix}`;
const indexName = `vector_probe_${suffix}`;

const documents: { id: string; embedding: number[] }[] = [
  { id: 'same-direction', embedding: [1, 0, 0, 0] },
  { id: 'close', embedding: [0.9, 0.1, 0, 0] },
  { id: 'halfway', embedding: [0.5, 0.5, 0, 0] },
  { id: 'orthogonal', embedding: [0, 1, 0, 0] },
  { id: 'opposite', embedding: [-1, 0, 0, 0] },
];

describe.skipIf(!uri)('Neo4j vector index on the test server', () => {
  let driver: Driver;

  beforeAll(async () => {
    driver = neo4j.driver(uri!);
    await driver.executeQuery(
      `CREATE VECTOR INDEX ${indexName} FOR (d:${label}) ON d.embedding
       OPTIONS {indexConfig: {\`vector.dimensions\`: 4, \`vector.similarity_function\`: 'cosine'}}`,
    );
    await driver.executeQuery(
      `UNWIND $documents AS doc CREATE (d:${label} {id: doc.id, embedding: doc.embedding})`,
      { documents },
    );
    await driver.executeQuery('CALL db.awaitIndex($name, 30)', { name: indexName });
  }, 60_000);

  afterAll(async () => {
    if (!driver) return;
    await driver.executeQuery(`DROP INDEX ${indexName} IF EXISTS`);
    await driver.executeQuery(`MATCH (d:${label}) DETACH DELETE d`);
    await driver.close();
  });

  it('returns the nearest documents first, with scores descending', async () => {
    const { records } = await driver.executeQuery(
      `CALL db.index.vector.queryNodes($name, $k, $query) YIELD node, score
       RETURN node.id AS id, score`,
      { name: indexName, k: neo4j.int(3), query: [1, 0, 0, 0] },
    );
    const hits = records.map((r) => ({
      id: r.get('id') as string,
      score: r.get('score') as number,
    }));

    expect(hits.map((h) => h.id)).toEqual(['same-direction', 'close', 'halfway']);
    expect(hits[0]!.score).toBeCloseTo(1, 5);
    for (let i = 1; i < hits.length; i++) {
      expect(hits[i]!.score).toBeLessThan(hits[i - 1]!.score);
    }
  });

  it('refuses a query vector whose dimension differs from the index', async () => {
    await expect(
      driver.executeQuery('CALL db.index.vector.queryNodes($name, 2, $query)', {
        name: indexName,
        query: [1, 0, 0],
      }),
    ).rejects.toThrow(/dimension/i);
  });
});
