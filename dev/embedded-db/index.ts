export {
  type RunningEmbeddedDatabase,
  type StartEmbeddedDatabaseOptions,
  startEmbeddedDatabase,
} from './start-embedded-database.js';
