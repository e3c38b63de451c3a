import { describe, expect, it } from 'vitest';
import { invalidDateInRange, parseQueryDate, splitDateRange } from './query-dates';
import { QuerySyntaxError } from './query-syntax-error';

// Wednesday 2024-05-15 14:30:00 UTC.
const now = new Date('2024-05-15T14:30:00Z');
const utc = { now, timeZone: 'UTC' };

function iso(text: string, context = utc) {
  return parseQueryDate(text, context)?.toISOString();
}

describe('parseQueryDate', () => {
  it.each([
    ['now', '2024-05-15T14:30:00.000Z'],
    ['today', '2024-05-15T00:00:00.000Z'],
    ['yesterday', '2024-05-14T00:00:00.000Z'],
    ['tomorrow', '2024-05-16T00:00:00.000Z'],
    ['thisweek', '2024-05-13T00:00:00.000Z'],
    ['lastweek', '2024-05-06T00:00:00.000Z'],
    ['this month', '2024-05-01T00:00:00.000Z'],
    ['lastmonth', '2024-04-01T00:00:00.000Z'],
    ['thisyear', '2024-01-01T00:00:00.000Z'],
    ['lastyear', '2023-01-01T00:00:00.000Z'],
    ['thishour', '2024-05-15T14:00:00.000Z'],
    ['1weekago', '2024-05-08T14:30:00.000Z'],
    ['3days ago', '2024-05-12T14:30:00.000Z'],
    ['3 days ago', '2024-05-12T14:30:00.000Z'],
    ['2 hours', '2024-05-15T12:30:00.000Z'],
    ['-2w', '2024-05-01T14:30:00.000Z'],
    ['1m ago', '2024-04-15T14:30:00.000Z'],
    ['1y', '2023-05-16T14:30:00.000Z'],
    ['1.5d', '2024-05-14T02:30:00.000Z'],
    ['in 3 days', '2024-05-18T14:30:00.000Z'],
    ['+1d', '2024-05-16T14:30:00.000Z'],
    ['2024-01-31', '2024-01-31T00:00:00.000Z'],
    ['2024-01-31T10:15', '2024-01-31T10:15:00.000Z'],
    ['2024-01-31 10:15:30', '2024-01-31T10:15:30.000Z'],
    ['2024-01-31T10:15:30Z', '2024-01-31T10:15:30.000Z'],
    ['2024-01-31T10:15:30+02:00', '2024-01-31T08:15:30.000Z'],
    ['TODAY', '2024-05-15T00:00:00.000Z'],
  ])('reads %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('measures days and ISO dates in the given time zone', () => {
    const berlin = { now, timeZone: 'Europe/Berlin' };
    expect(iso('today', berlin)).toBe('2024-05-14T22:00:00.000Z');
    expect(iso('2024-01-31', berlin)).toBe('2024-01-30T23:00:00.000Z');
    // Late evening in New York is already tomorrow in UTC.
    const ny = { now: new Date('2024-03-11T02:00:00Z'), timeZone: 'America/New_York' };
    expect(iso('today', ny)).toBe('2024-03-10T05:00:00.000Z');
    expect(iso('yesterday', ny)).toBe('2024-03-09T05:00:00.000Z');
  });

  it.each([
    'lastfortnight',
    '2024-13-01',
    '2024-02-30',
    '2024-01-01T25:00',
    'week',
    '3 parsecs ago',
    '',
  ])('refuses %j', (text) => {
    expect(parseQueryDate(text, utc)).toBeUndefined();
  });

  it('reports an unknown time zone as a query error', () => {
    expect(() => parseQueryDate('today', { now, timeZone: 'Mars/Olympus' })).toThrow(
      QuerySyntaxError,
    );
  });
});

describe('date ranges', () => {
  it('splits a..b, a.., ..b and a single date', () => {
    expect(splitDateRange('a..b')).toEqual({ start: 'a', end: 'b' });
    expect(splitDateRange(' 1weekago .. ')).toEqual({ start: '1weekago', end: '' });
    expect(splitDateRange('..today')).toEqual({ start: '', end: 'today' });
    expect(splitDateRange('today')).toEqual({ start: 'today', end: '' });
  });

  it('names the end that is not a date', () => {
    expect(invalidDateInRange('today..soon')).toBe('soon');
    expect(invalidDateInRange('..')).toBeUndefined();
  });
});
