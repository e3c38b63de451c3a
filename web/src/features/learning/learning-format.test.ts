import { describe, expect, it } from 'vitest';
import { formatDue, formatPercent, formatPlace } from './learning-format';

describe('formatPlace', () => {
  const source = {
    documentTitle: 'Guide',
    headingPath: ['Trees', 'Heaps'],
    pageStart: 3,
    pageEnd: 4,
  };
  it('names the document, the headings and the pages', () => {
    expect(formatPlace(source)).toBe('Guide › Trees › Heaps, pages 3–4');
    expect(formatPlace({ ...source, pageEnd: 3 })).toBe('Guide › Trees › Heaps, page 3');
    expect(formatPlace({ ...source, pageStart: null, pageEnd: null })).toBe(
      'Guide › Trees › Heaps',
    );
  });
});

describe('formatDue', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it('says how long until the next review in words', () => {
    expect(formatDue(new Date('2026-03-10T11:00:00Z'), now)).toBe('now');
    expect(formatDue(new Date('2026-03-10T12:00:40Z'), now)).toBe('in 1 minute');
    expect(formatDue(new Date('2026-03-10T12:10:00Z'), now)).toBe('in 10 minutes');
    expect(formatDue(new Date('2026-03-10T13:00:00Z'), now)).toBe('in 1 hour');
    expect(formatDue(new Date('2026-03-14T12:00:00Z'), now)).toBe('in 4 days (14 March 2026)');
  });
});

describe('formatPercent', () => {
  it('rounds a score to a whole percent', () => {
    expect(formatPercent(0.456)).toBe('46%');
  });
});
