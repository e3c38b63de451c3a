import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Supervisor } from './supervisor.js';

// Each run of this small program counts itself in a file, says so, and crashes with exit code 3
// until it has run `CRASHES` times; after that it stays up.
const program = `
const fs = require('node:fs');
const file = process.env.COUNT_FILE;
const runs = (fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) : 0) + 1;
fs.writeFileSync(file, String(runs));
console.log('run ' + runs);
if (runs <= Number(process.env.CRASHES)) {
  console.error('boom on run ' + runs);
  process.exit(3);
}
setInterval(() => {}, 1000);
`;

const policy = { firstDelayMs: 50, maxDelayMs: 200, fastCrashMs: 10_000, maxFastCrashes: 4 };

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the local service supervisor', () => {
  let dir: string;
  let said: string[];
  let fatal: string[];
  let supervisor: Supervisor;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'learntrac-supervisor-'));
    said = [];
    fatal = [];
    supervisor = new Supervisor({
      logDir: dir,
      say: (message) => said.push(message),
      policy,
      onFatal: (message) => fatal.push(message),
    });
  });
  afterEach(async () => {
    await supervisor.stopAll();
    await rm(dir, { recursive: true, force: true });
  });

  const launch = (crashes: number) =>
    supervisor.launch({
      name: 'flaky',
      command: process.execPath,
      args: ['-e', program],
      cwd: dir,
      env: { ...process.env, COUNT_FILE: join(dir, 'runs'), CRASHES: String(crashes) },
    });

  it('says which service crashed and why, then restarts it until it stays up', async () => {
    supervisor.supervising = true;
    launch(2);
    await until(() => said.filter((m) => m === 'flaky restarted').length === 2);
    await until(() => supervisor.tailOf('flaky').includes('run 3'));
    expect(fatal).toEqual([]);
    const crash = said.find((m) => m.startsWith('flaky stopped unexpectedly'));
    expect(crash).toMatch(/^flaky stopped unexpectedly \(exit code 3\) after [\d.]+ s\./);
    expect(crash).toContain('boom on run 1');
    expect(said).toContain('restarting flaky in 0.1 s (1 quick crash in a row; giving up at 4)');
    expect(said).toContain('restarting flaky in 0.2 s (2 quick crashes in a row; giving up at 4)');
    // The log keeps every run, the crashes included.
    expect(supervisor.tailOf('flaky', 100)).toMatch(/boom on run 1[\s\S]*restarted at[\s\S]*run 3/);
  });

  it('gives up on a service that keeps crashing as soon as it starts, saying so', async () => {
    supervisor.supervising = true;
    launch(100);
    await until(() => fatal.length > 0);
    expect(fatal[0]).toMatch(
      /^flaky crashed 4 times in a row, each within 10 s of starting: giving up\. Fix what its log shows \(.*flaky\.log\)/,
    );
    expect(said.filter((m) => m === 'flaky restarted')).toHaveLength(3);
  });

  it('stops everything when a service crashes before the stack is up', async () => {
    launch(1);
    await until(() => fatal.length > 0);
    expect(fatal[0]).toMatch(/^flaky stopped unexpectedly \(exit code 3\)[\s\S]*boom on run 1/);
    expect(said).toEqual([]);
  });
});
