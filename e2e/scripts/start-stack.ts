import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

// Starts the whole product (the same launcher as `./dev/start`) on a database made for this
// run, and drops that database when the stack stops.

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  console.error('TEST_DATABASE_URL is not set: run the suite through ./dev/test');
  process.exit(2);
}

const name = `e2e_${Date.now()}_${randomBytes(3).toString('hex')}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}"`);
await admin.end();
const databaseUrl = new URL(serverUrl);
databaseUrl.pathname = `/${name}`;

// The test servers' Redis and Neo4j, when given, so the suite meets the same shared cache,
// session list and vector store as production; without them the services' own local defaults.
const services: Record<string, string> = {};
const redisUrl = process.env.REDIS_URL || process.env.TEST_REDIS_URL;
if (redisUrl) services.REDIS_URL = redisUrl;
const neo4jUri = process.env.NEO4J_URI || process.env.TEST_NEO4J_URI;
if (neo4jUri) services.NEO4J_URI = neo4jUri;
console.log(
  `[e2e] stack on database ${name}, cache ${services.REDIS_URL ?? 'in process'}, vectors in ${services.NEO4J_URI ?? 'PostgreSQL'}`,
);

const launcher = fileURLToPath(new URL('../../dev/start.ts', import.meta.url));
const stack = spawn(process.execPath, ['--import', 'tsx', launcher, '--logs'], {
  cwd: fileURLToPath(new URL('../../dev', import.meta.url)),
  env: { ...process.env, ...services, DATABASE_URL: databaseUrl.toString() },
  stdio: 'inherit',
});

async function dropDatabase(): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => stack.kill(signal));
}
stack.once('exit', async (code) => {
  await dropDatabase().catch((error) => console.error(`could not drop ${name}: ${error}`));
  process.exit(code ?? 0);
});
