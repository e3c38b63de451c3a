import { renderWiki } from '../index';
import { type ConformanceExpectation, normalizeOutput, parseCases } from './parse-cases';
import { CONFORMANCE_CONTEXT, createConformanceEnvironment } from './test-environment';

export interface ConformanceFailure extends ConformanceExpectation {
  actual: string;
}

export interface ConformanceResult {
  passed: number;
  failed: ConformanceFailure[];
  total: number;
}

/** Renders every expectation in a case file and compares it as Trac does. */
export function runConformance(data: string): ConformanceResult {
  const env = createConformanceEnvironment();
  const failed: ConformanceFailure[] = [];
  let passed = 0;
  const cases = parseCases(data);
  for (const c of cases) {
    let actual: string;
    try {
      actual = renderWiki({ text: c.input, env, context: CONFORMANCE_CONTEXT, flavour: c.flavour });
    } catch (e) {
      actual = `!! renderer threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    }
    if (normalizeOutput(actual) === normalizeOutput(c.expected)) passed += 1;
    else failed.push({ ...c, actual });
  }
  return { passed, failed, total: cases.length };
}

/** A line diff (longest common subsequence) with "-" for expected and "+" for actual lines. */
export function lineDiff(expected: string, actual: string): string {
  const a = normalizeOutput(expected).split('\n');
  const b = normalizeOutput(actual).split('\n');
  const dp: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || dp[i]![j + 1]! >= dp[i + 1]![j]!)) {
      out.push(`+ ${b[j]}`);
      j++;
    } else {
      out.push(`- ${a[i]}`);
      i++;
    }
  }
  return out.join('\n');
}

export function formatFailure(f: ConformanceFailure): string {
  return [
    `FAIL ${f.title} [${f.flavour}]`,
    '--- expected',
    f.expected,
    '--- actual',
    f.actual,
    '--- diff (- expected, + actual)',
    lineDiff(f.expected, f.actual),
    '',
  ].join('\n');
}
