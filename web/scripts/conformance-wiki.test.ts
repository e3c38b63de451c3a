import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'conformance-wiki.ts');
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const dir = mkdtempSync(path.join(tmpdir(), 'conformance-wiki-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rule = (char: string) => char.repeat(30);
/** One case that passes and three whose long input fills the pipe when their failure prints. */
function writeCaseFile(): string {
  const longInput = 'word '.repeat(20_000);
  const failing = [1, 2, 3].flatMap((n) => [
    `${rule('=')} Wrong ${n}`,
    longInput,
    rule('-'),
    '<p>z</p>',
  ]);
  const passing = [`${rule('=')} Bold`, "'''x'''", rule('-'), '<p>', '<strong>x</strong>', '</p>'];
  const file = path.join(dir, 'cases.txt');
  writeFileSync(file, [...failing, ...passing, ''].join('\n'));
  return file;
}

it('ends with the pass/fail count and exit code 1 when its output goes through a pipe', async () => {
  const child = spawn(process.execPath, [tsxCli, script, writeCaseFile()], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
  });
  const code = await new Promise((done) => child.on('close', done));
  expect(output.trimEnd().split('\n').at(-1)).toBe('1 passed, 3 failed');
  expect(code).toBe(1);
}, 30_000);
