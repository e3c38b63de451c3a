import { QuerySyntaxError } from './query-syntax-error';

/** The moment and place relative dates are measured from. */
export interface DateContext {
  now: Date;
  /** IANA zone for day, week, month and year boundaries ("today", ISO dates without a zone). */
  timeZone: string;
}

interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

const unitMs = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  // Trac counts a month as 30 days and a year as 365 when going back "3 months".
  month: 30 * 86_400_000,
  year: 365 * 86_400_000,
} as const;
type Unit = keyof typeof unitMs;
const unitLetters: Record<string, Unit> = {
  h: 'hour',
  d: 'day',
  w: 'week',
  m: 'month',
  y: 'year',
};

const unit = '(second|minute|hour|day|week|month|year|[hdwmy])s?';
const futurePattern = new RegExp(`^(?:in|\\+)\\s*(\\d+(?:\\.\\d+)?)\\s*${unit}$`);
const pastPattern = new RegExp(`^(?:-\\s*)?(\\d+(?:\\.\\d+)?)\\s*${unit}\\s*(?:ago)?$`);
const periodStartPattern = /^(this|last|next)\s*(second|minute|hour|day|week|month|year)$/;
const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(z|[+-]\d{2}:?\d{2})?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new QuerySyntaxError(`Unknown time zone '${timeZone}'`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClockAt(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    ms: ((instant % 1000) + 1000) % 1000,
  };
}

function utcOf(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
}

/** The instant a wall-clock time names in a zone (out-of-range parts roll over, as Date.UTC). */
function instantOf(w: WallClock, timeZone: string): number {
  const guess = utcOf(w);
  const offsetAt = (instant: number) => utcOf(wallClockAt(instant, timeZone)) - instant;
  const first = guess - offsetAt(guess);
  // Around a DST change the offset at the answer can differ from the offset at the guess.
  const second = guess - offsetAt(first);
  return second;
}

function startOf(unitName: Unit, shift: number, now: number, timeZone: string): number {
  const w = wallClockAt(now, timeZone);
  const start: WallClock = { ...w, ms: 0 };
  switch (unitName) {
    case 'second':
      start.second += shift;
      break;
    case 'minute':
      Object.assign(start, { second: 0, minute: w.minute + shift });
      break;
    case 'hour':
      Object.assign(start, { second: 0, minute: 0, hour: w.hour + shift });
      break;
    case 'day':
      Object.assign(start, { second: 0, minute: 0, hour: 0, day: w.day + shift });
      break;
    case 'week': {
      // Weeks start on Monday, as in Trac.
      const weekday = (new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() + 6) % 7;
      Object.assign(start, { second: 0, minute: 0, hour: 0, day: w.day - weekday + 7 * shift });
      break;
    }
    case 'month':
      Object.assign(start, { second: 0, minute: 0, hour: 0, day: 1, month: w.month + shift });
      break;
    case 'year':
      Object.assign(start, {
        second: 0,
        minute: 0,
        hour: 0,
        day: 1,
        month: 1,
        year: w.year + shift,
      });
      break;
  }
  return instantOf(start, timeZone);
}

function unitNamed(name: string): Unit {
  return unitLetters[name] ?? (name as Unit);
}

function parseIso(text: string, timeZone: string): number | undefined {
  const m = isoPattern.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const w: WallClock = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
    ms: Math.floor(Number(frac.padEnd(3, '0').slice(0, 3))),
  };
  const daysInMonth = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.day > daysInMonth) return undefined;
  if (w.hour > 23 || w.minute > 59 || w.second > 59) return undefined;
  if (!zone) return instantOf(w, timeZone);
  if (zone === 'z') return utcOf(w);
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  if (offsetMinutes > 14 * 60) return undefined;
  return utcOf(w) - sign * offsetMinutes * 60_000;
}

/**
 * A date as Trac's query accepts it: ISO dates and times (`2024-01-31`, `2024-01-31T10:00Z`),
 * `now`, `today`, `yesterday`, `tomorrow`, `this|last|next week|month|...`, `3days ago`,
 * `1weekago`, `-2w`, `in 3 days`, `+1d`. Undefined when the text is none of these.
 */
export function parseQueryDate(text: string, context: DateContext): Date | undefined {
  const value = text.trim().toLowerCase();
  const now = context.now.getTime();
  const { timeZone } = context;
  if (value === 'now') return new Date(now);
  const dayShift = { today: 0, yesterday: -1, tomorrow: 1 }[value];
  if (dayShift !== undefined) return new Date(startOf('day', dayShift, now, timeZone));
  let m = futurePattern.exec(value);
  if (m) return new Date(now + Number(m[1]) * unitMs[unitNamed(m[2] ?? '')]);
  m = pastPattern.exec(value);
  if (m) return new Date(now - Number(m[1]) * unitMs[unitNamed(m[2] ?? '')]);
  m = periodStartPattern.exec(value);
  if (m) {
    const shift = m[1] === 'last' ? -1 : m[1] === 'next' ? 1 : 0;
    return new Date(startOf(m[2] as Unit, shift, now, timeZone));
  }
  const iso = parseIso(value, timeZone);
  return iso === undefined || Number.isNaN(iso) ? undefined : new Date(iso);
}

/** The two ends of a date constraint value: `a..b`, `a..`, `..b`, or `a` (from a onwards). */
export function splitDateRange(value: string): { start: string; end: string } {
  const at = value.indexOf('..');
  if (at < 0) return { start: value.trim(), end: '' };
  return { start: value.slice(0, at).trim(), end: value.slice(at + 2).trim() };
}

/** The first end of a date range that is not a date, if any. */
export function invalidDateInRange(value: string): string | undefined {
  const probe: DateContext = { now: new Date(0), timeZone: 'UTC' };
  const { start, end } = splitDateRange(value);
  return [start, end].find((end) => end !== '' && parseQueryDate(end, probe) === undefined);
}

export const dateHint =
  'use a date like 2024-01-31, or today, yesterday, 3days ago, 1weekago, -2w, thismonth';
