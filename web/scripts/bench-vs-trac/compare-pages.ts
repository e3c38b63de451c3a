import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A page measured on both servers, and whether its p95 has a target of its own. */
export interface ComparedPage {
  path: string;
  p95Target: boolean;
}

export const RATIO_TARGET = 5;
export const P95_TARGET_MS = 100;

export const COMPARED_PAGES: ComparedPage[] = [
  { path: '/ticket/5000', p95Target: true },
  { path: '/query?status=!closed&order=priority', p95Target: true },
  { path: '/query?course=course3&difficulty=2&order=id', p95Target: true },
  { path: '/timeline?from=2026-11-01&daysback=30', p95Target: false },
  { path: '/search?q=recursion+cache&ticket=on', p95Target: false },
];

export interface LoadResult {
  perSecond: number;
  p50: number;
  p95: number;
  errors: number;
}

/**
 * Reads the line the kit's load.py prints for one path: `PATH: R req/s  p50 A ms  p95 B ms
 * errors E`, or `PATH: no successful request, errors E` (a zero rate).
 */
export function parseLoadLine(line: string): LoadResult {
  const measured = /: ([\d.]+) req\/s\s+p50 ([\d.]+) ms\s+p95 ([\d.]+) ms\s+errors (\d+)\s*$/.exec(
    line,
  );
  if (measured) {
    const [perSecond, p50, p95, errors] = measured.slice(1).map(Number) as number[];
    return { perSecond: perSecond!, p50: p50!, p95: p95!, errors: errors! };
  }
  const failed = /: no successful request, errors (\d+)\s*$/.exec(line);
  if (failed) return { perSecond: 0, p50: Number.NaN, p95: Number.NaN, errors: Number(failed[1]) };
  throw new Error(`load.py printed a line this benchmark cannot read: ${line}`);
}

/** Runs the kit's load.py against one path of one server. */
export async function loadPage(options: {
  anchorDir: string;
  baseUrl: string;
  path: string;
  concurrency: number;
  seconds: number;
}): Promise<LoadResult> {
  const url = new URL(options.baseUrl);
  const { stdout } = await run(
    'python3',
    [
      join(options.anchorDir, 'load.py'),
      url.origin,
      `${url.pathname.replace(/\/$/, '')}${options.path}`,
      '--c',
      String(options.concurrency),
      '--d',
      String(options.seconds),
    ],
    { timeout: (options.seconds + 120) * 1000 },
  );
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return parseLoadLine(line);
}

export interface PageComparison {
  page: ComparedPage;
  learntrac: LoadResult;
  trac: LoadResult;
  /**
   * CPU time per request of LearnTrac's web server (PostgreSQL's work not included) and of
   * tracd (its SQLite work included), when measured: less swayed by a busy machine than rates.
   */
  cpuMsPerRequest: number | null;
  tracCpuMsPerRequest: number | null;
}

/** LearnTrac's rate over Trac's; NaN when Trac answered nothing, so there is no comparison. */
export function rateRatio(comparison: PageComparison): number {
  const { learntrac, trac } = comparison;
  return trac.perSecond > 0 ? learntrac.perSecond / trac.perSecond : Number.NaN;
}

/** Whether a page meets its targets: the rate ratio, p95 where it has one, and no errors. */
export function meetsTarget(comparison: PageComparison): boolean {
  const { learntrac, page } = comparison;
  return (
    learntrac.errors === 0 &&
    rateRatio(comparison) >= RATIO_TARGET &&
    (!page.p95Target || learntrac.p95 < P95_TARGET_MS)
  );
}

const fixed = (value: number | null, digits = 1) =>
  value === null || Number.isNaN(value) ? '-' : value.toFixed(digits);

/** The side-by-side table, aligned for a terminal. */
export function formatComparison(comparisons: PageComparison[]): string {
  const header = [
    'page',
    'LearnTrac req/s',
    'p95 ms',
    'CPU ms/req',
    'Trac req/s',
    'Trac p95 ms',
    'Trac CPU ms/req',
    'ratio',
    'target',
  ];
  const rows = comparisons.map((c) => {
    const ratio = rateRatio(c);
    const reasons = [
      Number.isNaN(ratio) ? 'Trac answered nothing' : null,
      ratio < RATIO_TARGET ? `ratio < ${RATIO_TARGET}x` : null,
      c.page.p95Target && !(c.learntrac.p95 < P95_TARGET_MS) ? `p95 >= ${P95_TARGET_MS} ms` : null,
      c.learntrac.errors > 0 ? `${c.learntrac.errors} errors` : null,
    ].filter(Boolean);
    return [
      c.page.path,
      fixed(c.learntrac.perSecond),
      fixed(c.learntrac.p95),
      fixed(c.cpuMsPerRequest),
      fixed(c.trac.perSecond),
      fixed(c.trac.p95),
      fixed(c.tracCpuMsPerRequest),
      Number.isFinite(ratio) ? `${ratio.toFixed(1)}x` : '-',
      meetsTarget(c) ? 'met' : `MISSED (${reasons.join(', ')})`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === 0 || i === header.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!),
      )
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
