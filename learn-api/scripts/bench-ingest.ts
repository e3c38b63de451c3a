/**
 * How long one PDF takes from upload to `indexed` with the embedder and vector store the
 * service would use, and the process's memory on the way.
 *
 *   pnpm --filter @learntrac/learn-api bench:ingest [file.pdf]
 *
 * The default file is gnuplot's 311-page manual (`apt-get install gnuplot-doc`). Needs
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL): a PostgreSQL server where it may create and drop
 * a database of its own. The vectors go to the local store, or to Neo4j with NEO4J_URI set.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openBenchStack } from './bench-support.js';

const file = process.argv[2] ?? '/usr/share/doc/gnuplot-doc/gnuplot.pdf';
const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

async function main() {
  const bytes = new Uint8Array(await readFile(file));
  const stack = await openBenchStack({ prefix: 'bench_ingest' });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  try {
    const started = performance.now();
    const row = await stack.ingestFile({
      bytes,
      fileName: path.basename(file),
      contentType: 'application/pdf',
    });
    const seconds = (performance.now() - started) / 1000;
    if (row.status !== 'indexed') throw new Error(`ingestion ended ${row.status}: ${row.error}`);
    console.log(`file: ${file} (${megabytes(bytes.byteLength)}, ${row.pageCount} pages)`);
    console.log(`embedder: ${stack.embedder.id}; vector store: ${stack.vectorStore.kind}`);
    console.log(`chunks: ${row.chunksTotal}`);
    console.log(
      `upload to indexed: ${seconds.toFixed(1)} s (${((seconds * 1000) / row.chunksTotal).toFixed(1)} ms per chunk)`,
    );
    console.log(`peak RSS: ${megabytes(peakRss)}`);
  } finally {
    clearInterval(sampler);
    await stack.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
