// Gives the demo path its course material and approved questions (see seedDemoCourse), with
// the same settings as the server: run by ./dev/start after the database seed, before
// learn-api starts. Safe to repeat.
import { readFile } from 'node:fs/promises';
import { createPrismaClient } from '@learntrac/db';
import { pino, stdTimeFunctions } from 'pino';
import { ConfigError, loadConfig } from '../config.js';
import { isDemoCourseSeeded } from '../services/demo/demo-course-state.js';

// The same from src/ and dist/.
const courseFile = new URL('../../demo-course/graph-algorithms.md', import.meta.url);

async function main() {
  const config = await loadConfig({ env: process.env });
  const logger = pino({
    level: config.logLevel,
    base: { service: 'learn-api', task: 'seed-demo-course' },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
  const db = createPrismaClient(config.databaseUrl);
  if (await isDemoCourseSeeded(db)) {
    console.log(JSON.stringify({ ready: true, alreadySeeded: true }));
    await db.$disconnect();
    return;
  }
  // Loaded only when there is work to do: every start after the first pays for none of it.
  const [
    { createCache },
    { createEmbedder },
    { createLlm },
    { createVectorStore },
    { seedDemoCourse },
  ] = await Promise.all([
    import('../adapters/cache/create-cache.js'),
    import('../adapters/embedder/create-embedder.js'),
    import('../adapters/llm/create-llm.js'),
    import('../adapters/vector-store/create-vector-store.js'),
    import('../services/demo/seed-demo-course.js'),
  ]);
  const cache = createCache({ redisUrl: config.redisUrl });
  const embedder = await createEmbedder({ config, logger });
  const vectorStore = createVectorStore({ config, logger });
  const llm = createLlm({ config, embedder, logger });
  try {
    const result = await seedDemoCourse({
      deps: { db, cache, embedder, vectorStore, llm, logger },
      course: { markdown: await readFile(courseFile, 'utf8'), fileName: 'graph-algorithms.md' },
    });
    console.log(JSON.stringify(result));
  } finally {
    await Promise.allSettled([
      db.$disconnect(),
      cache.close(),
      vectorStore.close(),
      embedder.close(),
    ]);
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? error.message
      : `the demo course was not seeded: ${String(error)}`;
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: 'learn-api', msg: message })}\n`,
  );
  process.exit(1);
});
