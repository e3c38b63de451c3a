/**
 * LearnTrac side by side with a real Trac 1.6 on the same 10,000 tickets: builds web, serves the
 * kit's data set from tracd and from LearnTrac's production server (each with a database of its
 * own), loads five pages on each in turn with the kit's load generator and prints the rates, the
 * p95 and whether the targets are met. Everything it starts is stopped at the end.
 * See the benchmarks section of web/README.md for the settings.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readCpuSeconds, type StartedWebServer, startWebServer } from '../bench-tickets/web-server';
import { type BenchDatabase, createBenchDatabase } from './bench-database';
import {
  COMPARED_PAGES,
  type ComparedPage,
  formatComparison,
  loadPage,
  meetsTarget,
  type PageComparison,
} from './compare-pages';
import { findTracAnchor, type StartedTrac, startTrac } from './trac-anchor';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const repoRoot = resolve(webDir, '..');

const { values: args } = parseArgs({
  options: {
    tickets: { type: 'string', default: '10000' },
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '15' },
    concurrency: { type: 'string', default: '8' },
    // Unmeasured load on each server before each page is measured: the steady state a server in
    // service is in. V8 keeps optimising a page's code for its first couple of thousand
    // requests: an open query's CPU per view fell from 16.7 to 10.2 ms over its first 25 s.
    warmup: { type: 'string', default: '20' },
    // One server process per CPU, as a host with that many CPUs runs web (WEB_WORKERS).
    workers: { type: 'string', default: String(availableParallelism()) },
    only: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
  allowPositionals: false,
});

function positiveNumber(name: string, raw: string, options: { whole?: boolean } = {}): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (options.whole && !Number.isSafeInteger(value))) {
    throw new Error(`${name} must be a positive ${options.whole ? 'whole ' : ''}number`);
  }
  return value;
}

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function buildWeb(): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(
      'pnpm',
      ['exec', 'turbo', 'run', 'build', '--filter=@learntrac/web', '--output-logs=errors-only'],
      {
        cwd: repoRoot,
        stdio: 'inherit',
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', NEXT_TELEMETRY_DISABLED: '1' },
      },
    );
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`building web failed (exit ${code})`)),
    );
  });
}

/** Fetches a page, and fails unless it is answered with 200 (a sign-in redirect included). */
async function fetchPage(name: string, url: string): Promise<void> {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(60_000) });
  await response.arrayBuffer();
  if (response.status !== 200) {
    const where = response.headers.get('location');
    throw new Error(
      `${name} answered ${url} with HTTP ${response.status}${where ? ` (to ${where})` : ''}: ` +
        'the pages must be readable without signing in',
    );
  }
}

/** Both servers must answer every page before anything is measured. */
async function checkPages(options: {
  pages: ComparedPage[];
  learntracUrl: string;
  tracUrl: string;
}): Promise<void> {
  for (const page of options.pages) {
    await fetchPage('Trac', `${options.tracUrl}${page.path}`);
    await fetchPage('LearnTrac', `${options.learntracUrl}${page.path}`);
  }
}

async function main() {
  const tickets = positiveNumber('--tickets', args.tickets as string, { whole: true });
  // The ticket page compared is #5000.
  if (tickets < 5000) throw new Error('--tickets must be at least 5000');
  const seconds = positiveNumber('--duration', args.duration as string);
  const concurrency = positiveNumber('--concurrency', args.concurrency as string, {
    whole: true,
  });
  const workers = positiveNumber('--workers', args.workers as string, { whole: true });
  const warmupSeconds = positiveNumber('--warmup', args.warmup as string);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    throw new Error(
      'BENCH_DATABASE_URL (or TEST_DATABASE_URL) must name a PostgreSQL 15 server and a role that may create databases and roles',
    );
  }
  const databaseName = process.env.BENCH_DATABASE_NAME ?? 'learntrac_bench_trac';
  const anchorDir = findTracAnchor({ repoRoot, env: process.env });
  const only = args.only?.split(',').map((text) => text.trim());
  const pages = COMPARED_PAGES.filter(
    (page) => !only || only.some((text) => page.path.includes(text)),
  );
  if (pages.length === 0) throw new Error(`--only ${args.only} matches none of the pages`);
  const log = (message: string) => console.log(message);

  if (!args['no-build']) {
    log('building web (cached when nothing changed)');
    await buildWeb();
  }

  let trac: StartedTrac | undefined;
  let database: BenchDatabase | undefined;
  let web: StartedWebServer | undefined;
  const stopAll = async () => {
    await web?.stop();
    await trac?.stop();
    await database?.drop();
  };
  // Ctrl-C still stops the servers and drops the database.
  const interrupted = () => {
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    trac = await startTrac({
      anchorDir,
      cacheDir: join(repoRoot, 'dev/.cache/trac-vs'),
      port: await freePort(),
      tickets,
      log,
    });
    log(`Trac serving ${tickets} tickets at ${trac.baseUrl}`);
    database = await createBenchDatabase({
      serverUrl,
      name: databaseName,
      tickets,
      anchorDir,
      python: trac.python,
      log,
    });
    log(`database ${databaseName} ready`);
    const logDir = join(webDir, '.next/bench-vs-trac');
    mkdirSync(logDir, { recursive: true });
    const cpuProfDir = args['cpu-prof'] ? resolve(args['cpu-prof']) : undefined;
    const webPort = await freePort();
    web = await startWebServer({
      webDir,
      port: webPort,
      databaseUrl: database.appUrl,
      logFile: join(logDir, 'web.log'),
      nodeArgs: cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [],
      workers,
    });
    const learntracUrl = `http://127.0.0.1:${webPort}`;
    log(`LearnTrac (production build) serving at ${learntracUrl} (log ${web.logFile})`);

    await checkPages({ pages, learntracUrl, tracUrl: trac.baseUrl });
    const loadAtStart = loadavg()[0]!.toFixed(1);
    const comparisons: PageComparison[] = [];
    for (const page of pages) {
      const load = (baseUrl: string, duration = seconds) =>
        loadPage({ anchorDir, baseUrl, path: page.path, concurrency, seconds: duration });
      process.stdout.write(`${page.path}: LearnTrac… `);
      await load(learntracUrl, warmupSeconds);
      const cpuBefore = readCpuSeconds(web.pid);
      const learntrac = await load(learntracUrl);
      const cpuAfter = readCpuSeconds(web.pid);
      process.stdout.write(`${learntrac.perSecond.toFixed(1)} req/s, Trac… `);
      await load(trac.baseUrl, warmupSeconds);
      const tracCpuBefore = readCpuSeconds(trac.pid);
      const tracResult = await load(trac.baseUrl);
      const tracCpuAfter = readCpuSeconds(trac.pid);
      console.log(`${tracResult.perSecond.toFixed(1)} req/s`);
      const served = learntrac.perSecond * seconds;
      const tracServed = tracResult.perSecond * seconds;
      comparisons.push({
        page,
        learntrac,
        trac: tracResult,
        cpuMsPerRequest: served > 0 ? ((cpuAfter - cpuBefore) * 1000) / served : null,
        tracCpuMsPerRequest:
          tracServed > 0 ? ((tracCpuAfter - tracCpuBefore) * 1000) / tracServed : null,
      });
    }
    console.log(
      `\n${tickets} tickets, concurrency ${concurrency}, ${seconds} s per page and server after ` +
        `${warmupSeconds} s unmeasured, ${cpus().length} CPUs, web workers ${workers} ` +
        `(Trac: one tracd), load average ${loadAtStart} at the start and ` +
        `${loadavg()[0]!.toFixed(1)} at the end`,
    );
    console.log(formatComparison(comparisons));
    if (!comparisons.every(meetsTarget)) process.exitCode = 1;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await stopAll();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
