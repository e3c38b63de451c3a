import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testServerUrl } from '../testing/test-database.js';
import { findMigrationsDir } from './apply-migrations.js';

const serverUrl = testServerUrl();
const packageDir = dirname(findMigrationsDir());
const prismaBin = join(packageDir, 'node_modules', '.bin', 'prisma');

// `migrate diff --from-migrations` replays every migration into an empty shadow database
// and compares the result with schema.prisma; exit code 2 means they differ.
function diffMigrationsAgainst(schemaPath: string, databaseUrl: string) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      prismaBin,
      [
        'migrate',
        'diff',
        '--from-migrations',
        join(packageDir, 'migrations'),
        '--to-schema-datamodel',
        schemaPath,
        '--exit-code',
      ],
      { cwd: packageDir, env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

describe.skipIf(!serverUrl)('schema.prisma and migrations', () => {
  let database: TestDatabase;
  let scratch: string;
  beforeAll(async () => {
    database = await createTestDatabase({ serverUrl: serverUrl!, prefix: 'lt_drift' });
    scratch = mkdtempSync(join(tmpdir(), 'learntrac-drift-'));
  });
  afterAll(async () => {
    await database?.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('agree: the migrations build exactly the schema that schema.prisma describes', async () => {
    const result = await diffMigrationsAgainst(join(packageDir, 'schema.prisma'), database.url);
    expect(result.output).toContain('No difference detected');
    expect(result.code).toBe(0);
  });

  it('are caught disagreeing when the schema gains a field no migration creates', async () => {
    const schema = readFileSync(join(packageDir, 'schema.prisma'), 'utf8');
    const drifted = schema.replace(/^(\s*keywords\s+String\?)$/m, '$1\n  estimate    Int?');
    expect(drifted).not.toBe(schema);
    const driftedPath = join(scratch, 'schema.prisma');
    writeFileSync(driftedPath, drifted);
    const result = await diffMigrationsAgainst(driftedPath, database.url);
    expect(result.code).toBe(2);
    expect(result.output).toContain('estimate');
  });
});
