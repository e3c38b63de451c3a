/**
 * Runs the wiki renderer over Trac-format case files and compares as Trac does.
 * Usage: conformance-wiki [--floor=0.95] [--quiet] [FILE ...]
 * Exits non-zero when a case fails, or with --floor when the pass ratio is below it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { defaultCaseFile } from '../src/features/wiki/formatter/conformance/default-case-file';
import {
  formatFailure,
  runConformance,
} from '../src/features/wiki/formatter/conformance/run-conformance';

const argv = process.argv.slice(2);
const floorArg = argv.find((a) => a.startsWith('--floor='));
const quiet = argv.includes('--quiet');
const files = argv.filter((a) => !a.startsWith('--'));
if (!files.length) files.push(defaultCaseFile());

let passed = 0;
let failed = 0;
for (const file of files) {
  if (!existsSync(file)) {
    console.error(`Case file not found: ${file} (set WIKI_CONFORMANCE_FILE or pass a path)`);
    process.exit(2);
  }
  const result = runConformance(readFileSync(file, 'utf8'));
  if (!quiet) for (const f of result.failed) console.log(formatFailure(f));
  passed += result.passed;
  failed += result.failed.length;
}
console.log(`${passed} passed, ${failed} failed`);
if (floorArg) {
  const floor = Number(floorArg.slice('--floor='.length));
  process.exit(passed / Math.max(1, passed + failed) >= floor ? 0 : 1);
}
process.exit(failed ? 1 : 0);
