/**
 * The ticket-system benchmark: seeds a large tracker into its own database, then loads the
 * ticket page, the default query, a custom-field query, the 30-day timeline and a search over
 * HTTP with concurrent clients, and prints latency percentiles, throughput and the web
 * server's memory against the targets. See README.md beside this file for the settings.
 */
import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  type Endpoint,
  type EndpointResult,
  measureEndpoint,
  seededRandom,
} from './measure-endpoints';
import { seedTickets } from './seed-tickets';
import {
  readCpuSeconds,
  readRssMb,
  type StartedWebServer,
  startWebServer,
  watchRss,
} from './web-server';

const RSS_TARGET_MB = 400;
const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const { values: args } = parseArgs({
  options: {
    'start-server': { type: 'boolean', default: process.env.BENCH_START_SERVER === '1' },
    'seed-only': { type: 'boolean', default: false },
    reseed: { type: 'boolean', default: false },
    tickets: { type: 'string', default: process.env.BENCH_TICKETS ?? '100000' },
    requests: { type: 'string', default: process.env.BENCH_REQUESTS ?? '400' },
    concurrency: { type: 'string', default: process.env.BENCH_CONCURRENCY ?? '8' },
    // Unmeasured requests per endpoint first: a server in service runs code V8 has optimised,
    // which takes it a couple of thousand requests (bench:trac's warm-up says more).
    warmup: { type: 'string', default: process.env.BENCH_WARMUP ?? '1000' },
    only: { type: 'string' },
  },
  allowPositionals: false,
});

function positiveInt(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a positive whole number`);
  return value;
}

function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

function endpoints(tickets: number): Endpoint[] {
  const random = seededRandom(20_250_101);
  const ticketIds = Array.from({ length: 100_000 }, () => 1 + Math.floor(random() * tickets));
  const searches = [
    'timeout proxy',
    'memory leak',
    'deadlock',
    'certificate handshake',
    'crash login',
  ];
  return [
    // The framework's own cost on this machine: a route that reads nothing.
    { name: 'floor (/healthz)', path: () => '/healthz', targetP95Ms: null },
    {
      name: 'ticket page',
      path: (i) => `/ticket/${ticketIds[i % ticketIds.length]}`,
      targetP95Ms: 50,
    },
    { name: 'default query', path: () => '/query', targetP95Ms: 150 },
    {
      name: 'custom-field query',
      path: () => '/query?customer=Initech&needs_review=1&order=priority',
      targetP95Ms: 150,
    },
    { name: 'timeline 30 days', path: () => '/timeline?daysback=30', targetP95Ms: 250 },
    {
      name: 'search',
      path: (i) => `/search?q=${encodeURIComponent(searches[i % searches.length] as string)}`,
      targetP95Ms: 250,
    },
  ];
}

const fixed = (value: number | null, digits = 1) =>
  value === null || Number.isNaN(value) ? '-' : value.toFixed(digits);

function printResults(results: EndpointResult[], rss: { name: string; mb: number | null }[]) {
  const header = [
    'endpoint',
    'requests',
    'failed',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'req/s',
    'CPU ms/req',
    'p95 target',
  ];
  const rows = results.map((r) => [
    r.name,
    String(r.requests),
    String(r.failures),
    fixed(r.p50),
    fixed(r.p95),
    fixed(r.p99),
    fixed(r.max),
    fixed(r.perSecond),
    fixed(r.cpuMsPerRequest),
    r.targetP95Ms === null
      ? 'none'
      : `${r.p95 <= r.targetP95Ms && r.failures === 0 ? 'met' : 'MISSED'} (< ${r.targetP95Ms})`,
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] as string).length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number),
      )
      .join('  ');
  console.log(`\n${line(header)}`);
  for (const row of rows) console.log(line(row));
  for (const r of results) {
    if (r.firstFailure) console.log(`  ${r.name}: ${r.failures} failed, first: ${r.firstFailure}`);
  }
  console.log('\nweb server RSS (VmRSS)');
  for (const { name, mb } of rss) {
    const verdict = mb === null ? '' : mb < RSS_TARGET_MB ? '  met' : '  MISSED';
    console.log(
      `  ${name.padEnd(34)} ${fixed(mb, 0).padStart(5)} MB${verdict} (< ${RSS_TARGET_MB})`,
    );
  }
}

async function main() {
  const tickets = positiveInt('--tickets', args.tickets as string);
  const requests = positiveInt('--requests', args.requests as string);
  const concurrency = positiveInt('--concurrency', args.concurrency as string);
  const warmup = positiveInt('--warmup', args.warmup as string);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const databaseName = process.env.BENCH_DATABASE_NAME ?? 'learntrac_bench';
  const port = positiveInt('BENCH_PORT', process.env.BENCH_PORT ?? '8500');
  const baseUrl = (process.env.BENCH_BASE_URL ?? `http://127.0.0.1:${port}`).replace(/\/$/, '');
  if (!args['seed-only'] && !args['start-server'] && !process.env.BENCH_BASE_URL) {
    console.log(
      `measuring the web server already listening at ${baseUrl} (--start-server starts one)`,
    );
  }

  let databaseUrl: string | undefined;
  if (serverUrl) {
    if (args.reseed) await dropDatabase(serverUrl, databaseName);
    await ensureDatabase(serverUrl, databaseName);
    databaseUrl = databaseUrlFor(serverUrl, databaseName);
    console.log(`seeding ${tickets} tickets into database ${databaseName}`);
    const started = performance.now();
    const seeded = await seedTickets({
      databaseUrl,
      tickets,
      wikiPages: 300,
      log: (message) => console.log(message),
    });
    console.log(
      seeded
        ? `seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`
        : 'the database already holds this data set (--reseed to rebuild it)',
    );
  } else if (args['seed-only'] || args['start-server']) {
    throw new Error(
      'BENCH_DATABASE_URL (or TEST_DATABASE_URL) must name a PostgreSQL server to seed',
    );
  } else {
    console.log('no BENCH_DATABASE_URL: measuring the running server without seeding');
  }
  if (args['seed-only']) return;

  let server: StartedWebServer | undefined;
  if (args['start-server'] && databaseUrl) {
    const logDir = join(webDir, '.next/bench-tickets');
    mkdirSync(logDir, { recursive: true });
    server = await startWebServer({
      webDir,
      port,
      databaseUrl,
      logFile: join(logDir, 'web.log'),
    });
    console.log(`web server started (pid ${server.pid}, log ${server.logFile})`);
  }
  const pidRaw =
    server?.pid ?? (process.env.BENCH_WEB_PID ? Number(process.env.BENCH_WEB_PID) : undefined);
  const rss: { name: string; mb: number | null }[] = [];
  if (pidRaw === undefined) console.log('RSS not measured: no --start-server and no BENCH_WEB_PID');
  else rss.push({ name: 'before the first request', mb: readRssMb(pidRaw) });

  try {
    const watcher = pidRaw === undefined ? undefined : watchRss(pidRaw);
    // The server shares the machine with the database and this load generator; anything else
    // running shows in the load average and inflates every figure.
    const loadAtStart = loadavg()[0]!.toFixed(1);
    const results: EndpointResult[] = [];
    const only = args.only?.split(',').map((name) => name.trim());
    for (const endpoint of endpoints(tickets)) {
      if (only && !only.some((name) => endpoint.name.startsWith(name))) continue;
      watcher?.reset();
      process.stdout.write(`measuring ${endpoint.name}… `);
      const result = await measureEndpoint({
        baseUrl,
        endpoint,
        requests,
        concurrency,
        warmup,
        serverCpuSeconds: pidRaw === undefined ? undefined : () => readCpuSeconds(pidRaw),
      });
      results.push(result);
      console.log(`p95 ${fixed(result.p95)} ms, ${fixed(result.perSecond)} req/s`);
      if (watcher) rss.push({ name: `peak during ${endpoint.name}`, mb: watcher.peak() });
    }
    watcher?.stop();
    if (pidRaw !== undefined) {
      await new Promise((done) => setTimeout(done, 2000));
      rss.push({ name: 'after the load (2 s idle)', mb: readRssMb(pidRaw) });
    }
    console.log(
      `\n${tickets} tickets, ${requests} requests per endpoint after ${warmup} unmeasured, ` +
        `concurrency ${concurrency}, ` +
        `${cpus().length} CPUs (load average ${loadAtStart} when it began), against ${baseUrl}`,
    );
    printResults(results, rss);
  } finally {
    await server?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
