/**
 * Prints how fast the in-process embedding model turns 1,200-character chunks (the ingest
 * chunk size) and short queries into vectors, and the memory a process holding it uses.
 * Usage: pnpm --filter @learntrac/learn-api bench:embedder [--threads N]
 */
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createOnnxEmbedder,
  defaultOnnxThreads,
  fetchModelCommand,
  findMissingModelFiles,
} from '../src/adapters/embedder/onnx-embedder.js';
import { defaultEmbeddingModelDir } from '../src/config.js';

const chunkSize = 1200;
const overlap = 150;
const repoRoot = join(import.meta.dirname, '../..');

const { values } = parseArgs({ options: { threads: { type: 'string' } } });
const threads = values.threads ? Number(values.threads) : defaultOnnxThreads();
const modelDir = process.env.EMBEDDING_MODEL_DIR || defaultEmbeddingModelDir;

const megabytes = () => `${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** The project's own documentation, cut as ingest cuts material: 1,200 characters, 150 overlap. */
async function loadChunks(): Promise<string[]> {
  const docs = (await readdir(join(repoRoot, 'docs'), { recursive: true }))
    .filter((file) => file.endsWith('.md'))
    .map((file) => join('docs', file));
  const files = ['README.md', 'learn-api/README.md', 'prisma/README.md', 'web/README.md', ...docs];
  const text = (await Promise.all(files.map((file) => readFile(join(repoRoot, file), 'utf8'))))
    .join('\n\n')
    .replace(/\s+/g, ' ');
  const chunks: string[] = [];
  for (let start = 0; start + chunkSize <= text.length; start += chunkSize - overlap)
    chunks.push(text.slice(start, start + chunkSize));
  return chunks;
}

const missing = await findMissingModelFiles(modelDir);
if (missing.length > 0) {
  console.error(
    `The embedding model is missing (${missing.join(', ')}): run ${fetchModelCommand(modelDir)}`,
  );
  process.exit(1);
}

const chunks = await loadChunks();
const queries = [
  'How do I find the shortest path in a weighted graph?',
  'What does the retry policy do after a rate limit?',
  'Where are the database backups kept?',
  'Which port does the sign-in service use?',
];
const before = megabytes();
const loadStarted = performance.now();
const embedder = await createOnnxEmbedder({ modelDir, threads });
const loadMs = performance.now() - loadStarted;
const loaded = megabytes();
await embedder.embed(chunks.slice(0, 3));

const chunkTimes: number[] = [];
for (const chunk of chunks) {
  const started = performance.now();
  await embedder.embed([chunk]);
  chunkTimes.push(performance.now() - started);
}
const queryTimes: number[] = [];
for (let round = 0; round < 5; round++)
  for (const query of queries) {
    const started = performance.now();
    await embedder.embed([query]);
    queryTimes.push(performance.now() - started);
  }
await embedder.close();

chunkTimes.sort((a, b) => a - b);
queryTimes.sort((a, b) => a - b);
const mean = (times: number[]) => times.reduce((sum, t) => sum + t, 0) / times.length;
console.log(
  `embedder     ${embedder.id} (${embedder.dimension} dimensions), ${threads} thread(s) on ${availableParallelism()} cores`,
);
console.log(
  `load         ${loadMs.toFixed(0)} ms; RSS ${before} before, ${loaded} with the model loaded`,
);
console.log(
  `chunks       ${chunks.length} of ${chunkSize} characters: ${mean(chunkTimes).toFixed(1)} ms per chunk ` +
    `(p50 ${percentile(chunkTimes, 50).toFixed(1)}, p95 ${percentile(chunkTimes, 95).toFixed(1)})`,
);
console.log(
  `queries      ${queryTimes.length} short questions: ${mean(queryTimes).toFixed(1)} ms each ` +
    `(p95 ${percentile(queryTimes, 95).toFixed(1)})`,
);
console.log(`RSS          ${megabytes()} after embedding`);
