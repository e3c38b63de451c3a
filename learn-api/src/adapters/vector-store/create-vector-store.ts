import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import { createNeo4jVectorStore } from './neo4j-vector-store.js';
import { createPostgresVectorStore } from './postgres-vector-store.js';
import type { VectorStore } from './vector-store.js';

/** Neo4j when NEO4J_URI is configured, otherwise the vectors PostgreSQL already records. */
export function createVectorStore({
  config,
  logger,
}: {
  config: Pick<Config, 'databaseUrl' | 'neo4j'>;
  logger: Logger;
}): VectorStore {
  if (config.neo4j) {
    return createNeo4jVectorStore({ uri: config.neo4j.uri, auth: config.neo4j.auth, logger });
  }
  return createPostgresVectorStore({ databaseUrl: config.databaseUrl, logger });
}
