import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { unreachableDatabaseUrl } from '../../test-support/build-app.js';
import { createVectorStore } from './create-vector-store.js';

describe('choosing the vector store', () => {
  const logger = pino({ level: 'silent' });
  const databaseUrl = unreachableDatabaseUrl;

  it('keeps vectors in PostgreSQL when no Neo4j is configured', async () => {
    const store = createVectorStore({ config: { databaseUrl, neo4j: undefined }, logger });
    expect(store.kind).toBe('postgres');
    await store.close();
  });

  it('uses Neo4j when NEO4J_URI is configured', async () => {
    const store = createVectorStore({
      config: {
        databaseUrl,
        neo4j: { uri: 'bolt://127.0.0.1:1', auth: { username: 'neo4j', password: 'pw' } },
      },
      logger,
    });
    expect(store.kind).toBe('neo4j');
    await store.close();
  });
});
