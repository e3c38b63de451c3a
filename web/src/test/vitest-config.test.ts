import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const vitestCli = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
);

it('runs every test file under src and scripts, component tests written in .tsx included', () => {
  const listed = JSON.parse(
    execFileSync(process.execPath, [vitestCli, 'list', '--filesOnly', '--json'], {
      cwd: web,
      encoding: 'utf8',
    }),
  ) as { file: string }[];
  const collected = new Set(listed.map((entry) => path.relative(web, entry.file)));
  const onDisk = ['src', 'scripts'].flatMap((folder) =>
    readdirSync(path.join(web, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.test\.tsx?$/.test(file))
      .map((file) => path.join(folder, file)),
  );

  expect(onDisk.some((file) => file.endsWith('.tsx'))).toBe(true);
  expect(onDisk.filter((file) => !collected.has(file))).toEqual([]);
});
