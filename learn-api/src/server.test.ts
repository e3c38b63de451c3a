import { type ChildProcess, spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { connect, createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JwksServer, startJwksServer } from './test-support/jwks-server.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: packageDir,
    // Only what is given here: the test must not pick up the developer's own settings.
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function waitForLog(read: () => string, text: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (!read().includes(text)) {
    if (Date.now() > until) throw new Error(`no "${text}" in output:\n${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('the server process', () => {
  let jwks: JwksServer;
  // Accepts database connections and never answers, so /readyz stays in flight for a while.
  let silentDatabase: Server;
  let silentPort: number;
  const silentSockets = new Set<import('node:net').Socket>();
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    jwks = await startJwksServer();
    silentDatabase = createServer((socket) => {
      silentSockets.add(socket);
    });
    await new Promise<void>((resolve) => silentDatabase.listen(0, '127.0.0.1', resolve));
    silentPort = (silentDatabase.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    for (const socket of silentSockets) socket.destroy();
    await new Promise((resolve) => silentDatabase.close(resolve));
    await jwks.close();
  });

  it('refuses to start without its settings and says which one is missing', async () => {
    const server = startServer({
      DATABASE_URL: 'postgres://db/learntrac',
      COGNITO_CLIENT_IDS: 'web',
    });
    children.push(server.child);
    expect(await server.exited).toBe(1);
    expect(server.output().stderr).toContain('COGNITO_ISSUER is required');
  });

  it('keeps an idle keep-alive connection open past the 5 s Node closes it at, so callers reusing it are not reset', async () => {
    const port = await freePort();
    const server = startServer({
      PORT: String(port),
      DATABASE_URL: `postgres://learntrac@127.0.0.1:${silentPort}/learntrac`,
      COGNITO_ISSUER: jwks.issuer,
      COGNITO_CLIENT_IDS: jwks.clientId,
    });
    children.push(server.child);
    await waitForLog(() => server.output().stdout, 'learn-api listening');
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let closed = false;
    socket.on('data', (chunk) => {
      received += chunk.toString();
    });
    socket.on('close', () => {
      closed = true;
    });
    const ask = () => socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    const answers = () => received.split('HTTP/1.1 200').length - 1;
    ask();
    await waitForLog(() => String(answers()), '1');
    await new Promise((resolve) => setTimeout(resolve, 6_500));
    expect(closed).toBe(false);
    ask();
    await waitForLog(() => String(answers()), '2');
    socket.destroy();
    server.child.kill('SIGTERM');
    await server.exited;
  }, 30_000);

  it('finishes the request in flight on SIGTERM, refuses new ones, then exits cleanly', async () => {
    const port = await freePort();
    const server = startServer({
      PORT: String(port),
      DATABASE_URL: `postgres://learntrac@127.0.0.1:${silentPort}/learntrac`,
      COGNITO_ISSUER: jwks.issuer,
      COGNITO_CLIENT_IDS: jwks.clientId,
    });
    children.push(server.child);
    await waitForLog(() => server.output().stdout, 'learn-api listening');
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    const inFlight = fetch(`${base}/readyz`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill('SIGTERM');
    await waitForLog(() => server.output().stdout, 'draining');

    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    const res = await inFlight;
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ failed: ['database'] });
    expect(await server.exited).toBe(0);
    expect(server.output().stdout).toContain('"msg":"stopped"');
  }, 30_000);
});
