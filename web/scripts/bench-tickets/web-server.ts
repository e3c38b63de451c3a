import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StartedWebServer {
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Starts the production build (`.next/standalone/web/start-server.mjs`, what the container runs)
 * against the benchmark database. The pages measured are open to anonymous visitors, so the
 * issuer and learn-api addresses must only be well-formed: nothing contacts them.
 */
export async function startWebServer(options: {
  webDir: string;
  port: number;
  databaseUrl: string;
  logFile: string;
  /** Extra Node.js flags for the server, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Server processes sharing the port (WEB_WORKERS); 1 when unset. */
  workers?: number;
}): Promise<StartedWebServer> {
  const server = join(options.webDir, '.next/standalone/web/start-server.mjs');
  if (!existsSync(server)) {
    throw new Error(
      `${server} is missing: build the web app first (pnpm --filter @learntrac/web build)`,
    );
  }
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const log = createWriteStream(options.logFile, { flags: 'w' });
  // The heap sizes the container image and `pnpm start` give the server.
  const heap = [
    '--max-old-space-size=384',
    '--max-semi-space-size=16',
    '--heap-growing-percent=200',
  ];
  const args = [...heap, ...(options.nodeArgs ?? []), server];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: join(options.webDir, '.next/standalone/web'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(options.port),
      HOSTNAME: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      COGNITO_ISSUER: process.env.BENCH_COGNITO_ISSUER ?? 'http://127.0.0.1:8502',
      COGNITO_CLIENT_ID: 'learntrac-web',
      COGNITO_CLIENT_SECRET: randomBytes(16).toString('base64url'),
      LEARN_API_URL: process.env.BENCH_LEARN_API_URL ?? 'http://127.0.0.1:8501',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      WEB_WORKERS: String(options.workers ?? 1),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (gone) {
      throw new Error(`the web server exited during start-up:\n${tail(options.logFile)}`);
    }
    const ready = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) })
      .then(async (response) => {
        await response.body?.cancel();
        return response.ok;
      })
      .catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the web server was not ready after 60 s:\n${tail(options.logFile)}`);
    }
    await new Promise((done) => setTimeout(done, 250));
  }

  return {
    pid: child.pid as number,
    logFile: options.logFile,
    async stop() {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      log.end();
    },
  };
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
}

/** Resident memory of a process in MB (VmRSS), or null when it cannot be read. */
export function readRssMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * A process's CPU time so far (user + system) with that of its running children (the web
 * server's workers), from /proc/PID/stat; its 14th and 15th fields count clock ticks, 100 a
 * second on Linux.
 */
export function readCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after it are plain numbers.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const own = (Number(fields[11]) + Number(fields[12])) / 100;
  return own + childrenOf(pid).reduce((sum, child) => sum + readCpuSeconds(child), 0);
}

function childrenOf(pid: number): number[] {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return text ? text.split(' ').map(Number) : [];
  } catch {
    return [];
  }
}

/** Samples a process's RSS every few hundred milliseconds and keeps the peak. */
export function watchRss(pid: number): { peak(): number | null; reset(): void; stop(): void } {
  let peak: number | null = null;
  const sample = () => {
    const rss = readRssMb(pid);
    if (rss !== null && (peak === null || rss > peak)) peak = rss;
  };
  sample();
  const timer = setInterval(sample, 200);
  return {
    peak: () => peak,
    reset: () => {
      peak = null;
      sample();
    },
    stop: () => clearInterval(timer),
  };
}
