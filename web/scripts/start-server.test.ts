import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

const scripts = path.dirname(fileURLToPath(import.meta.url));
const startServer = path.join(scripts, 'start-server.mjs');
const standalone = path.resolve(scripts, '..', '.next', 'standalone', 'web');
const slowMs = 1_500;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Runs start-server.mjs from `dir` (where server.js is) and waits until `ready` answers. */
async function startWeb(options: { dir: string; env: Record<string, string>; ready: string }) {
  const child = spawn(process.execPath, [path.join(options.dir, 'start-server.mjs')], {
    cwd: options.dir,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(options.ready)
      .then(async (response) => {
        await response.text();
        return response.ok;
      })
      .catch(() => false);
    if (ok) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { child, exited, output: () => output };
}

/**
 * Starts a slow request, sends SIGTERM while it runs, and checks that no new connection is
 * accepted, that the slow request still completes with 200, and that the process exits 0 as soon
 * as it has.
 */
async function expectDrainOnSigterm(options: {
  web: Awaited<ReturnType<typeof startWeb>>;
  slowUrl: string;
  newUrl: string;
  slowStarted: Promise<void>;
}) {
  const { web } = options;
  const inFlight = fetch(options.slowUrl);
  await options.slowStarted;
  web.child.kill('SIGTERM');
  const stopping = Date.now() + 5_000;
  while (!web.output().includes('"msg":"draining"') && Date.now() < stopping) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await expect(fetch(options.newUrl)).rejects.toThrow();

  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('slow answer');
  const answeredAt = Date.now();
  expect(await web.exited, web.output()).toBe(0);
  // Its keep-alive connection was closed after the answer rather than left to time out.
  expect(Date.now() - answeredAt).toBeLessThan(1_000);
  expect(web.output()).toContain('"msg":"stopped"');
}

describe('start-server.mjs on SIGTERM', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'start-server-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('lets a request in flight finish with 200, refuses new connections, then exits 0', async () => {
    // A server.js in the place of Next's: its slow route answers after slowMs.
    copyFileSync(startServer, path.join(work, 'start-server.mjs'));
    writeFileSync(path.join(work, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(
      path.join(work, 'server.js'),
      [
        "import { createServer } from 'node:http';",
        'createServer((req, res) => {',
        "  if (req.url === '/slow') process.stdout.write('slow request started\\n');",
        `  setTimeout(() => res.end('slow answer'), req.url === '/slow' ? ${slowMs} : 0);`,
        '}).listen(Number(process.env.PORT), "127.0.0.1");',
        '',
      ].join('\n'),
    );
    const base = `http://127.0.0.1:${await freePort()}`;
    const web = await startWeb({ dir: work, env: { PORT: base.split(':')[2]! }, ready: base });
    const slowStarted = (async () => {
      while (!web.output().includes('slow request started')) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await expectDrainOnSigterm({ web, slowUrl: `${base}/slow`, newUrl: base, slowStarted });
  }, 30_000);

  it('answers 503 for a page that failed because the database stopped answering, 500 otherwise', async () => {
    const dir = mkdtempSync(path.join(work, 'unavailable-'));
    copyFileSync(startServer, path.join(dir, 'start-server.mjs'));
    writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
    // In the place of Next's server.js: /db-down fails as a page does when its query finds the
    // database gone (noting the moment as the app's database layer does); /bug fails on its own.
    writeFileSync(
      path.join(dir, 'server.js'),
      [
        "import { createServer } from 'node:http';",
        'createServer((req, res) => {',
        "  if (req.url === '/db-down') globalThis.learntracDatabaseFailedAt = Date.now();",
        "  res.statusCode = req.url === '/ok' ? 200 : 500;",
        "  res.end('answer');",
        '}).listen(Number(process.env.PORT), "127.0.0.1");',
        '',
      ].join('\n'),
    );
    const base = `http://127.0.0.1:${await freePort()}`;
    await startWeb({ dir, env: { PORT: base.split(':')[2]! }, ready: `${base}/ok` });
    const down = await fetch(`${base}/db-down`);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    // A failure of its own, even just after the database's, is still the 500 it is.
    expect((await fetch(`${base}/bug`)).status).toBe(500);
    expect((await fetch(`${base}/ok`)).status).toBe(200);
  }, 30_000);

  // The production build exists once `pnpm build` has run (the package tests run before it).
  it.skipIf(!existsSync(path.join(standalone, 'server.js')))(
    'drains the production Next.js server the same way: a slow learn-api call completes with 200',
    async () => {
      // What the build's last step does, so an older build still runs this start-server.mjs.
      copyFileSync(startServer, path.join(standalone, 'start-server.mjs'));
      let startSlow: () => void = () => {};
      const slowStarted = new Promise<void>((resolve) => {
        startSlow = resolve;
      });
      // learn-api, reached through web's proxy, takes slowMs to answer.
      const learnApi = createServer((_req, res) => {
        startSlow();
        setTimeout(() => res.end('slow answer'), slowMs);
      });
      const learnApiUrl = `http://127.0.0.1:${await listen(learnApi)}`;
      try {
        const port = await freePort();
        const base = `http://127.0.0.1:${port}`;
        const web = await startWeb({
          dir: standalone,
          ready: `${base}/healthz`,
          env: {
            NODE_ENV: 'production',
            NEXT_TELEMETRY_DISABLED: '1',
            PORT: String(port),
            HOSTNAME: '127.0.0.1',
            DATABASE_URL: 'postgres://learntrac@127.0.0.1:1/learntrac',
            NEXTAUTH_URL: base,
            NEXTAUTH_SECRET: 'a-secret-only-for-this-test-0123456789',
            COGNITO_ISSUER: 'http://127.0.0.1:1/issuer',
            COGNITO_CLIENT_ID: 'learntrac-web',
            COGNITO_CLIENT_SECRET: 'client-secret-for-this-test',
            LEARN_API_URL: learnApiUrl,
          },
        });
        await expectDrainOnSigterm({
          web,
          slowUrl: `${base}/api/learntrac/slow`,
          newUrl: `${base}/healthz`,
          slowStarted,
        });
      } finally {
        learnApi.closeAllConnections();
        await new Promise((resolve) => learnApi.close(resolve));
      }
    },
    90_000,
  );
});
