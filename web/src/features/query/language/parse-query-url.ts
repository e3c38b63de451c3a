import type { ParseQueryOptions } from './parse-query-string';
import { createQuery, type MatchMode, type Query, type QueryConstraint } from './query-model';
import {
  addConstraint,
  applyOption,
  checkConstraint,
  checkFieldName,
  type FieldLookup,
  fieldLookup,
  isOptionName,
  isTimeField,
  readOperator,
} from './query-parts';
import { QuerySyntaxError } from './query-syntax-error';

/** What a page gets for its URL: a query string, URLSearchParams or Next.js `searchParams`. */
export type QueryUrlInput =
  | string
  | URLSearchParams
  | Readonly<Record<string, string | readonly string[] | undefined>>;

function entriesOf(input: QueryUrlInput): Array<[string, string]> {
  if (typeof input === 'string') return [...new URLSearchParams(input.replace(/^\?/, ''))];
  if (input instanceof URLSearchParams) return [...input];
  const entries: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === 'string') entries.push([key, value]);
    else if (value) for (const v of value) entries.push([key, v]);
  }
  return entries;
}

// Parameters Trac's query form sends besides the query itself; they carry no filter.
const formParams = new Set(['update', 'add', '__FORM_TOKEN', 'USER']);
const formParamPrefix = /^(?:add_filter_|add_clause_|rm_filter_)/;
const numbered = /^(\d{1,4})_(.+)$/;

interface KeyValues {
  key: string;
  field: string;
  values: string[];
}

/** Alternatives for one parameter: its operator is led by the value (`!closed`, `~user1`). */
function constraintFor(
  entry: KeyValues,
  all: ReadonlyMap<string, string[]>,
  fields: FieldLookup,
): QueryConstraint {
  const origin = { param: entry.key };
  const field = checkFieldName(entry.field, fields, origin);
  const modeParam = all.get(`${entry.key}_mode`)?.[0];
  let mode: MatchMode = 'is';
  let negate = false;
  let values: string[];
  if (modeParam !== undefined) {
    // Trac's form sends the operator separately; the values are then taken as written.
    const op = readOperator(modeParam, '');
    if (op.value !== '') {
      throw new QuerySyntaxError(
        `'${modeParam}' in URL parameter '${entry.key}_mode' is not an operator: use one of ! ~ ^ $ !~ !^ !$`,
        { field },
      );
    }
    ({ mode, negate } = op);
    values = entry.values;
  } else {
    values = entry.values.map((raw, index) => {
      const op = readOperator('', raw);
      if (index === 0) ({ mode, negate } = op);
      else if (op.mode !== mode || op.negate !== negate) {
        throw new QuerySyntaxError(
          `The values of URL parameter '${entry.key}' mix operators ('${entry.values[0]}' and '${raw}'): ` +
            'all alternatives of one filter use the same operator',
          { field },
        );
      }
      return op.value;
    });
  }
  const ends = all.get(`${entry.key}_end`);
  if (ends && isTimeField(field, fields)) {
    values = values.map((start, i) => `${start}..${ends[i] ?? ''}`);
  }
  const constraint = { field, mode, negate, values };
  checkConstraint(constraint, fields, origin);
  return constraint;
}

/**
 * Parses the `/query` page's URL as Trac writes it: repeated keys are alternatives
 * (`status=new&status=assigned`), the operator leads the value (`status=!closed`), numbered
 * prefixes make OR groups (`0_milestone=m1&1_version=1.0`), plus order, desc, group,
 * groupdesc, col, max, page, verbose, report and format. Throws QuerySyntaxError.
 */
export function parseQueryUrl(input: QueryUrlInput, options: ParseQueryOptions = {}): Query {
  const fields = fieldLookup(options.fields);
  const entries = entriesOf(input);
  const all = new Map<string, string[]>();
  for (const [key, value] of entries) all.set(key, [...(all.get(key) ?? []), value]);

  const query = createQuery();
  const numberedGroups = new Map<number, Map<string, KeyValues>>();
  const plainGroups: Array<Map<string, KeyValues>> = [new Map()];
  const optionsSeen: string[] = [];

  for (const [key, value] of entries) {
    if (formParams.has(key) || formParamPrefix.test(key)) continue;
    if (isOptionName(key)) {
      if (!optionsSeen.includes(key)) optionsSeen.push(key);
      continue;
    }
    const modifier = /^(.+)_(?:mode|end)$/.exec(key);
    if (modifier?.[1] && all.has(modifier[1])) continue;
    if (key === 'or') {
      plainGroups.push(new Map());
      continue;
    }
    const m = numbered.exec(key);
    let group: Map<string, KeyValues>;
    if (m) {
      const n = Number(m[1]);
      group = numberedGroups.get(n) ?? new Map();
      numberedGroups.set(n, group);
    } else {
      group = plainGroups[plainGroups.length - 1] ?? new Map();
    }
    const entry = group.get(key) ?? { key, field: m?.[2] ?? key, values: [] };
    entry.values.push(value);
    group.set(key, entry);
  }

  for (const key of optionsSeen)
    applyOption(query, key, all.get(key) ?? [], fields, { param: key });

  const ordered = [
    ...[...numberedGroups.entries()].sort(([a], [b]) => a - b).map(([, group]) => group),
    ...plainGroups,
  ];
  query.groups = ordered
    .map((group) => {
      const constraints: QueryConstraint[] = [];
      for (const entry of group.values()) {
        addConstraint(constraints, constraintFor(entry, all, fields), { param: entry.key });
      }
      return constraints;
    })
    .filter((group) => group.length > 0);
  return query;
}
