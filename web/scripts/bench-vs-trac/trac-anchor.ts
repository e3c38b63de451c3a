import { type ChildProcess, spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';

/** The files of the shared Trac side-by-side kit this benchmark runs where they lie. */
const ANCHOR_FILES = ['serve-trac.sh', 'seed_pg.py', 'load.py', 'dataset.py'];

/**
 * The folder of the Trac side-by-side kit: `TRAC_ANCHOR_DIR`, or `../shared/bench/trac-anchor`
 * beside the repository. Throws a message saying where it was looked for when it is missing.
 */
export function findTracAnchor(options: { repoRoot: string; env: NodeJS.ProcessEnv }): string {
  const dir = options.env.TRAC_ANCHOR_DIR
    ? resolve(options.env.TRAC_ANCHOR_DIR)
    : resolve(options.repoRoot, '..', 'shared', 'bench', 'trac-anchor');
  const missing = ANCHOR_FILES.filter((file) => !existsSync(join(dir, file)));
  if (missing.length > 0) {
    throw new Error(
      `The Trac side-by-side kit is missing: ${dir} lacks ${missing.join(', ')}. It is expected ` +
        'beside the repository at ../shared/bench/trac-anchor; set TRAC_ANCHOR_DIR to use another folder.',
    );
  }
  return dir;
}

export interface StartedTrac {
  baseUrl: string;
  /** tracd's process (serve-trac.sh execs it). */
  pid: number;
  /** The Python of the kit's virtual environment (it has psycopg2). */
  python: string;
  stop(): Promise<void>;
}

/**
 * Runs the kit's `serve-trac.sh` (which installs Trac into a virtual environment on first use,
 * seeds its environment once, then serves it with tracd) with its files under `cacheDir`, and
 * waits until Trac answers.
 */
export async function startTrac(options: {
  anchorDir: string;
  cacheDir: string;
  port: number;
  tickets: number;
  log: (message: string) => void;
}): Promise<StartedTrac> {
  mkdirSync(options.cacheDir, { recursive: true });
  // serve-trac.sh seeds its environment only when there is none: one of another size goes first.
  const sizeFile = join(options.cacheDir, 'tickets');
  const seededSize = existsSync(sizeFile) ? readFileSync(sizeFile, 'utf8').trim() : null;
  if (seededSize !== String(options.tickets)) {
    rmSync(join(options.cacheDir, 'bench'), { recursive: true, force: true });
  }
  const logFile = join(options.cacheDir, 'tracd.log');
  const log = createWriteStream(logFile, { flags: 'w' });
  if (!existsSync(join(options.cacheDir, 'venv', 'bin', 'python'))) {
    options.log('installing Trac into a virtual environment (first run only)');
  }
  // Its own process group, so stopping it also stops the tracd it execs and anything pip left.
  const child: ChildProcess = spawn(
    join(options.anchorDir, 'serve-trac.sh'),
    [String(options.tickets)],
    {
      env: { ...process.env, TRAC_BENCH_DIR: options.cacheDir, TRAC_PORT: String(options.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let gone = false;
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      gone = true;
      done();
    }),
  );
  const stop = async () => {
    if (!gone && child.pid) {
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => !gone && process.kill(-child.pid!, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
  };

  const baseUrl = `http://127.0.0.1:${options.port}`;
  // The first run installs Trac from the package index and seeds its database.
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    if (gone) throw new Error(`Trac exited during start-up (log ${logFile}):\n${tail(logFile)}`);
    const ready = await fetch(`${baseUrl}/bench`, { signal: AbortSignal.timeout(5_000) })
      .then(async (response) => {
        await response.body?.cancel();
        return response.ok;
      })
      .catch(() => false);
    if (ready) {
      writeFileSync(sizeFile, String(options.tickets));
      break;
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Trac was not ready after 10 minutes (log ${logFile}):\n${tail(logFile)}`);
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  return {
    baseUrl: `${baseUrl}/bench`,
    pid: child.pid as number,
    python: join(options.cacheDir, 'venv', 'bin', 'python'),
    stop,
  };
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
}
