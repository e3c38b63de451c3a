import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const web = path.resolve(import.meta.dirname, '../..');
const standalone = path.join(web, '.next', 'standalone', 'web');
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

// The production build exists once `pnpm build` has run (the package tests run before it).
describe.skipIf(!existsSync(path.join(standalone, 'server.js')))(
  'the production server (start-server.mjs beside the standalone build)',
  () => {
    it('serves from two workers and, on SIGTERM, lets a slow learn-api call finish with 200, then exits 0', async () => {
      // What the build's last step does, so an older build still runs the current entry.
      execFileSync(process.execPath, [path.join(web, 'scripts/copy-standalone-assets.mjs')]);
      let startSlow: () => void = () => {};
      const slowStarted = new Promise<void>((resolve) => {
        startSlow = resolve;
      });
      // learn-api, reached through web's front door, takes slowMs to answer.
      const learnApi = createServer((_request, response) => {
        startSlow();
        setTimeout(() => response.end('slow answer'), slowMs);
      });
      const learnApiUrl = `http://127.0.0.1:${await listen(learnApi)}`;
      try {
        const port = await freePort();
        const base = `http://127.0.0.1:${port}`;
        const child = spawn(process.execPath, [path.join(standalone, 'start-server.mjs')], {
          cwd: standalone,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: {
            ...process.env,
            NODE_ENV: 'production',
            NEXT_TELEMETRY_DISABLED: '1',
            PORT: String(port),
            HOSTNAME: '127.0.0.1',
            WEB_WORKERS: '2',
            DATABASE_URL: 'postgres://learntrac@127.0.0.1:1/learntrac',
            NEXTAUTH_URL: base,
            NEXTAUTH_SECRET: 'a-secret-only-for-this-test-0123456789',
            COGNITO_ISSUER: 'http://127.0.0.1:1/issuer',
            COGNITO_CLIENT_ID: 'learntrac-web',
            COGNITO_CLIENT_SECRET: 'client-secret-for-this-test',
            LEARN_API_URL: learnApiUrl,
          },
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
        const listening = () => output.match(/"msg":"listening"/g)?.length ?? 0;
        const deadline = Date.now() + 60_000;
        while (listening() < 2) {
          if (child.exitCode !== null || Date.now() > deadline) {
            throw new Error(`the server did not start:\n${output}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        expect((await fetch(`${base}/healthz`)).status).toBe(200);

        const inFlight = fetch(`${base}/api/learntrac/slow`);
        await slowStarted;
        child.kill('SIGTERM');
        const stopping = Date.now() + 5_000;
        while (!output.includes('"msg":"draining"') && Date.now() < stopping) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const response = await inFlight;
        expect(response.status).toBe(200);
        expect(await response.text()).toBe('slow answer');
        expect(await exited, output).toBe(0);
        expect(output.match(/"msg":"stopped"/g)?.length, output).toBe(2);
        await expect(fetch(`${base}/healthz`)).rejects.toThrow();
      } finally {
        learnApi.closeAllConnections();
        await new Promise((resolve) => learnApi.close(resolve));
      }
    }, 90_000);
  },
);
