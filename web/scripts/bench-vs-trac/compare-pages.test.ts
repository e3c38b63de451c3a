import { describe, expect, it } from 'vitest';
import {
  COMPARED_PAGES,
  formatComparison,
  meetsTarget,
  type PageComparison,
  parseLoadLine,
} from './compare-pages';

const ticketPage = COMPARED_PAGES[0]!;
const timelinePage = COMPARED_PAGES.find((page) => page.path.startsWith('/timeline'))!;

function comparison(
  overrides: Partial<Pick<PageComparison, 'page'>> & {
    rate?: number;
    p95?: number;
    errors?: number;
    tracRate?: number;
  },
): PageComparison {
  return {
    page: overrides.page ?? ticketPage,
    learntrac: {
      perSecond: overrides.rate ?? 250,
      p50: 20,
      p95: overrides.p95 ?? 60,
      errors: overrides.errors ?? 0,
    },
    trac: { perSecond: overrides.tracRate ?? 40, p50: 150, p95: 400, errors: 0 },
    cpuMsPerRequest: 4,
    tracCpuMsPerRequest: 20,
  };
}

describe('reading load.py', () => {
  it('reads the rate, percentiles and errors of a measured path', () => {
    expect(
      parseLoadLine('/bench/ticket/5000: 18.4 req/s  p50 342.5 ms  p95 1300.2 ms  errors 0'),
    ).toEqual({ perSecond: 18.4, p50: 342.5, p95: 1300.2, errors: 0 });
  });

  it('reads a path that never succeeded as a zero rate with its errors', () => {
    const result = parseLoadLine('/query?x=1: no successful request, errors 12');
    expect(result.perSecond).toBe(0);
    expect(result.errors).toBe(12);
  });

  it('refuses a line of another shape rather than reporting a wrong figure', () => {
    expect(() => parseLoadLine('Traceback (most recent call last):')).toThrow(/cannot read/);
  });
});

describe('judging a page against its targets', () => {
  it('meets them at five times Trac’s rate with a p95 under 100 ms', () => {
    expect(meetsTarget(comparison({ rate: 200, tracRate: 40, p95: 99 }))).toBe(true);
  });

  it('misses below five times Trac’s rate', () => {
    expect(meetsTarget(comparison({ rate: 199, tracRate: 40 }))).toBe(false);
  });

  it('misses with a p95 of 100 ms on a page that has a p95 target, not on one without', () => {
    expect(meetsTarget(comparison({ p95: 100 }))).toBe(false);
    expect(meetsTarget(comparison({ page: timelinePage, p95: 400 }))).toBe(true);
  });

  it('misses when LearnTrac answered with errors, or Trac answered nothing', () => {
    expect(meetsTarget(comparison({ errors: 1 }))).toBe(false);
    expect(meetsTarget(comparison({ tracRate: 0 }))).toBe(false);
  });

  it('prints one row per page with the ratio and the reason a target was missed', () => {
    const table = formatComparison([
      comparison({ rate: 250, tracRate: 40 }),
      comparison({ rate: 100, tracRate: 40, p95: 150 }),
    ]).split('\n');
    expect(table).toHaveLength(3);
    expect(table[1]).toMatch(/^\/ticket\/5000 .* 6\.3x {2}met$/);
    expect(table[2]).toMatch(/2\.5x {2}MISSED \(ratio < 5x, p95 >= 100 ms\)$/);
  });
});
