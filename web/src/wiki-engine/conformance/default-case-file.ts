import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared Trac case file sits beside the repository: `<repo>/../shared/conformance/...`.
 * WIKI_CONFORMANCE_FILE points elsewhere.
 */
export function defaultCaseFile(): string {
  if (process.env.WIKI_CONFORMANCE_FILE) return path.resolve(process.env.WIKI_CONFORMANCE_FILE);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const repoRoot = path.resolve(here, '..', '..', '..', '..');
  return path.resolve(repoRoot, '..', 'shared', 'conformance', 'trac-wiki', 'wiki-tests.txt');
}
