// Pieces both query forms (string and URL) share: operators, value checks, options.
import { dateHint, invalidDateInRange } from './query-dates';
import {
  canonicalFieldName,
  isFieldName,
  type QueryField,
  standardTimeFields,
} from './query-fields';
import type { MatchMode, Query, QueryConstraint, QueryFormat } from './query-model';
import { operatorPrefix } from './query-model';
import { at, QuerySyntaxError } from './query-syntax-error';

/** Where a piece of a query came from, for error messages. */
export interface Origin {
  /** 0-based offset in the query string. */
  position?: number;
  /** URL parameter name. */
  param?: string;
}

export function describe(origin: Origin): string {
  if (origin.param !== undefined) return ` in URL parameter '${origin.param}'`;
  return at(origin.position);
}

function fail(message: string, origin: Origin, field?: string): never {
  const details: { position?: number; field?: string } = {};
  if (origin.position !== undefined) details.position = origin.position;
  if (field !== undefined) details.field = field;
  throw new QuerySyntaxError(message, details);
}

const modeByChar: Record<string, MatchMode> = { '~': 'contains', '^': 'startsWith', $: 'endsWith' };

/**
 * Reads Trac's operator from the front of `prefix + value`: an optional `!`, then one of
 * `~ ^ $` (a `$` that starts `$USER` is the substitution, not "ends with"). With
 * `literalLead`, the first character of `value` was escaped and is never an operator.
 */
export function readOperator(
  prefix: string,
  value: string,
  literalLead = false,
): { mode: MatchMode; negate: boolean; value: string } {
  const text = prefix + value;
  const protectedAt = literalLead ? prefix.length : Number.POSITIVE_INFINITY;
  let i = 0;
  let negate = false;
  if (text[0] === '!' && protectedAt > 0) {
    negate = true;
    i = 1;
  }
  let mode: MatchMode = 'is';
  const modeChar = text[i];
  if (i < protectedAt && modeChar && modeByChar[modeChar] && !text.startsWith('$USER', i)) {
    mode = modeByChar[modeChar];
    i += 1;
  }
  return { mode, negate, value: text.slice(i) };
}

/** Looks up fields by name when a field list is known. */
export type FieldLookup = ReadonlyMap<string, QueryField> | undefined;

export function fieldLookup(fields: readonly QueryField[] | undefined): FieldLookup {
  return fields && new Map(fields.map((field) => [field.name, field]));
}

/** A field name as written, checked and mapped through Trac's synonyms. */
export function checkFieldName(raw: string, fields: FieldLookup, origin: Origin): string {
  if (raw === '') fail(`Missing field name before '='${describe(origin)}`, origin);
  if (!isFieldName(raw)) {
    fail(
      `'${raw}'${describe(origin)} is not a field name (letters, digits and _ only)`,
      origin,
      raw,
    );
  }
  const name = canonicalFieldName(raw);
  if (fields && name !== 'id' && !fields.has(name)) {
    fail(`Unknown field '${raw}'${describe(origin)}`, origin, raw);
  }
  return name;
}

const maxTicketId = 2_147_483_647;

/** Ranges of an `id` value (`42,44,51-55`), or undefined when it is not such a list. */
export function parseIdRanges(text: string): Array<[number, number]> | undefined {
  const ranges: Array<[number, number]> = [];
  for (const item of text.split(',')) {
    const part = item.trim();
    if (part === '') continue;
    const m = /^(\d+)(?:\s*[-:]\s*(\d+))?$/.exec(part);
    if (!m) return undefined;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a > maxTicketId || b > maxTicketId) return undefined;
    ranges.push(a <= b ? [a, b] : [b, a]);
  }
  return ranges;
}

export function isTimeField(name: string, fields: FieldLookup): boolean {
  const field = fields?.get(name);
  return field ? field.type === 'time' : standardTimeFields.has(name);
}

/** Checks what a field's values can be: ids for `id`, dates for date fields. */
export function checkConstraint(constraint: QueryConstraint, fields: FieldLookup, origin: Origin) {
  const { field, mode, values } = constraint;
  const special = field === 'id' ? 'ticket ids' : isTimeField(field, fields) ? 'dates' : undefined;
  if (special && mode !== 'is') {
    const op = `${operatorPrefix(mode, constraint.negate)}=`;
    fail(
      `'${field}' compares ${special} with = or != only, not ${op}${describe(origin)}`,
      origin,
      field,
    );
  }
  for (const value of values) {
    if (field === 'id' && !value.includes('$USER') && parseIdRanges(value) === undefined) {
      fail(
        `Invalid ticket id list '${value}'${describe(origin)}: use numbers and ranges like 42,44,51-55`,
        origin,
        field,
      );
    }
    if (special === 'dates') {
      const bad = invalidDateInRange(value);
      if (bad !== undefined) {
        fail(`'${bad}' is not a date${describe(origin)}: ${dateHint}`, origin, field);
      }
    }
  }
}

/**
 * Adds a constraint to a group. Trac keeps one list of values per field and group, so a
 * repeated field adds alternatives; repeating it with another operator is refused because
 * Trac would silently apply the first operator to every value.
 */
export function addConstraint(
  group: QueryConstraint[],
  constraint: QueryConstraint,
  origin: Origin,
) {
  const existing = group.find((c) => c.field === constraint.field);
  if (!existing) {
    group.push(constraint);
    return;
  }
  if (existing.mode !== constraint.mode || existing.negate !== constraint.negate) {
    const first = `${operatorPrefix(existing.mode, existing.negate)}=`;
    const second = `${operatorPrefix(constraint.mode, constraint.negate)}=`;
    fail(
      `'${constraint.field}' is filtered with both ${first} and ${second}${describe(origin)}: ` +
        'use one operator per field, or put the other filter in an "or" group',
      origin,
      constraint.field,
    );
  }
  existing.values.push(...constraint.values);
}

const optionNames = new Set([
  'order',
  'desc',
  'group',
  'groupdesc',
  'col',
  'max',
  'page',
  'verbose',
  'row',
  'rows',
  'report',
  'format',
]);

export function isOptionName(name: string): boolean {
  return optionNames.has(name);
}

function parseFlag(name: string, value: string, origin: Origin): boolean {
  const v = value.trim().toLowerCase();
  // An empty value counts as "on": `?desc` alone asks for descending order.
  if (['', '1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return fail(`'${name}' must be 1 or 0, not '${value}'${describe(origin)}`, origin, name);
}

function parseCount(name: string, value: string, min: number, origin: Origin): number {
  const v = value.trim();
  const n = /^\d{1,9}$/.test(v) ? Number(v) : Number.NaN;
  if (!(n >= min)) {
    fail(
      `'${name}' must be a whole number of at least ${min}, not '${value}'${describe(origin)}`,
      origin,
      name,
    );
  }
  return n;
}

const formats: readonly QueryFormat[] = ['csv', 'tab', 'rss'];

/** Applies `order`, `desc`, `col`, ... to the query; `values` are the option's values in order. */
export function applyOption(
  query: Query,
  name: string,
  values: string[],
  fields: FieldLookup,
  origin: Origin,
) {
  const first = values[0] ?? '';
  switch (name) {
    case 'order':
    case 'group': {
      const field = first.trim();
      if (field === '') {
        delete query[name];
        return;
      }
      query[name] = checkFieldName(field, fields, origin);
      return;
    }
    case 'desc':
      query.desc = parseFlag(name, first, origin);
      return;
    case 'groupdesc':
      query.groupDesc = parseFlag(name, first, origin);
      return;
    case 'verbose':
      query.verbose = parseFlag(name, first, origin);
      return;
    case 'row':
    case 'rows':
      for (const row of values) {
        if (row.trim() !== 'description') {
          fail(`Only row=description is supported, not '${row}'${describe(origin)}`, origin, name);
        }
        query.verbose = true;
      }
      return;
    case 'col':
      for (const col of values) {
        if (col.trim() === '') continue;
        const field = checkFieldName(col.trim(), fields, origin);
        if (!query.columns.includes(field)) query.columns.push(field);
      }
      return;
    case 'max':
      query.max = parseCount(name, first, 0, origin);
      return;
    case 'page':
      query.page = parseCount(name, first, 1, origin);
      return;
    case 'report': {
      const report = first.trim();
      if (report === '') return;
      if (!/^\d{1,9}$/.test(report)) {
        fail(`'report' must be a report number, not '${first}'${describe(origin)}`, origin, name);
      }
      query.report = report;
      return;
    }
    case 'format': {
      const format = first.trim().toLowerCase();
      if (format === '') return;
      if (!formats.includes(format as QueryFormat)) {
        fail(
          `Unknown export format '${first}'${describe(origin)}: use csv, tab or rss`,
          origin,
          name,
        );
      }
      query.format = format as QueryFormat;
      return;
    }
  }
}
