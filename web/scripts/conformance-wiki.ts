/**
 * Runs the wiki renderer over Trac-format case files and compares as Trac does.
 * Usage: conformance-wiki [--floor=0.95] [--quiet] [FILE ...]
 * Exits non-zero when a case fails, or with --floor when the pass ratio is below it.
 * It sets the exit code rather than calling process.exit(), which would drop output still
 * queued for a pipe (`... | tail -1` would lose the closing count).
 */
import { existsSync, readFileSync } from 'node:fs';
import { defaultCaseFile } from '../src/wiki-engine/conformance/default-case-file';
import { formatFailure, runConformance } from '../src/wiki-engine/conformance/run-conformance';

const argv = process.argv.slice(2);
const floorArg = argv.find((a) => a.startsWith('--floor='));
const quiet = argv.includes('--quiet');
const files = argv.filter((a) => !a.startsWith('--'));
if (!files.length) files.push(defaultCaseFile());

const missing = files.find((file) => !existsSync(file));
if (missing) {
  console.error(`Case file not found: ${missing} (set WIKI_CONFORMANCE_FILE or pass a path)`);
  process.exitCode = 2;
} else {
  reportConformance(files);
}

function reportConformance(files: string[]) {
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const result = runConformance(readFileSync(file, 'utf8'));
    if (!quiet) for (const f of result.failed) console.log(formatFailure(f));
    passed += result.passed;
    failed += result.failed.length;
  }
  console.log(`${passed} passed, ${failed} failed`);
  const floor = floorArg ? Number(floorArg.slice('--floor='.length)) : undefined;
  const ok = floor === undefined ? failed === 0 : passed / Math.max(1, passed + failed) >= floor;
  process.exitCode = ok ? 0 : 1;
}
