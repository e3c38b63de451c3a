import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.resolve(here, '..', '..', '..', '..');
const vitestCli = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
);
const missingFile = path.join(here, 'no-such-folder', 'wiki-tests.txt');

/** Runs conformance.test.ts as a clone without the shared Trac data would. */
function runConformanceSuite(ci: string | undefined) {
  const { CI: _ci, FORCE_COLOR: _color, ...env } = process.env;
  const result = spawnSync(
    process.execPath,
    [vitestCli, 'run', path.join(here, 'conformance.test.ts'), '--reporter=verbose'],
    {
      cwd: web,
      encoding: 'utf8',
      env: { ...env, NO_COLOR: '1', WIKI_CONFORMANCE_FILE: missingFile, ...(ci ? { CI: ci } : {}) },
    },
  );
  return { code: result.status, output: result.stdout + result.stderr };
}

it('skips Trac conformance outside CI when the data is missing, saying where it is expected', () => {
  const { code, output } = runConformanceSuite(undefined);
  expect(code, output).toBe(0);
  expect(output).toContain('1 skipped');
  expect(output).toContain(`Trac conformance data not found at ${missingFile}`);
}, 30_000);

it('fails Trac conformance under CI when the data is missing', () => {
  const { code, output } = runConformanceSuite('true');
  expect(code, output).toBe(1);
  expect(output).toContain(`Trac conformance data not found at ${missingFile}`);
}, 30_000);
