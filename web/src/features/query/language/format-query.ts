import { operatorPrefix, type Query, type QueryConstraint } from './query-model';
import { readOperator } from './query-parts';

function escapeValue(value: string): string {
  const escaped = value.replace(/[\\&|]/g, (c) => `\\${c}`);
  // A leading operator character is part of the value, not an operator.
  const lead = escaped[0];
  if (lead && '!~^$'.includes(lead) && !escaped.startsWith('$USER')) return `\\${escaped}`;
  return escaped;
}

function options(query: Query): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (query.order !== undefined) pairs.push(['order', query.order]);
  if (query.desc) pairs.push(['desc', '1']);
  if (query.group !== undefined) pairs.push(['group', query.group]);
  if (query.groupDesc) pairs.push(['groupdesc', '1']);
  return pairs;
}

function trailingOptions(query: Query): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (query.max !== undefined) pairs.push(['max', String(query.max)]);
  if (query.page !== undefined) pairs.push(['page', String(query.page)]);
  if (query.verbose) pairs.push(['verbose', '1']);
  if (query.report !== undefined) pairs.push(['report', query.report]);
  if (query.format !== undefined) pairs.push(['format', query.format]);
  return pairs;
}

/** The query in Trac's string form (for `[[TicketQuery]]` and `query:` links). */
export function formatQueryString(query: Query): string {
  const groups = query.groups
    .map((group) =>
      group
        .filter((c) => c.values.length > 0)
        .map(
          (c) =>
            `${c.field}${operatorPrefix(c.mode, c.negate)}=${c.values.map(escapeValue).join('|')}`,
        )
        .join('&'),
    )
    .filter((text) => text !== '');
  const parts = [groups.join('&or&')];
  for (const [key, value] of options(query)) parts.push(`${key}=${escapeValue(value)}`);
  if (query.columns.length > 0) parts.push(`col=${query.columns.join('|')}`);
  for (const [key, value] of trailingOptions(query)) parts.push(`${key}=${value}`);
  return parts.filter((part) => part !== '').join('&');
}

/** Values whose leading characters the URL form would read as an operator need `_mode`. */
function needsModeParam(c: QueryConstraint): boolean {
  const prefix = operatorPrefix(c.mode, c.negate);
  return c.values.some((value) => {
    const read = readOperator('', prefix + value);
    return read.mode !== c.mode || read.negate !== c.negate || read.value !== value;
  });
}

function encode(text: string): string {
  // Keep Trac's URLs readable: these characters are safe in a query string.
  return encodeURIComponent(text).replace(/%(24|2C|3A|2F|40)/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

/** The query as the `/query` page's URL parameters (no leading `?`), Trac's own form. */
export function formatQueryUrl(query: Query): string {
  const groups = query.groups
    .map((group) => group.filter((c) => c.values.length > 0))
    .filter((group) => group.length > 0);
  const numbered = groups.length > 1 || groups.some((group) => group.some(needsModeParam));
  const pairs: Array<[string, string]> = [];
  groups.forEach((group, index) => {
    for (const c of group) {
      const key = numbered ? `${index}_${c.field}` : c.field;
      const prefix = operatorPrefix(c.mode, c.negate);
      if (needsModeParam(c)) {
        for (const value of c.values) pairs.push([key, value]);
        pairs.push([`${key}_mode`, prefix]);
      } else {
        for (const value of c.values) pairs.push([key, prefix + value]);
      }
    }
  });
  pairs.push(...options(query));
  for (const col of query.columns) pairs.push(['col', col]);
  pairs.push(...trailingOptions(query));
  return pairs.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&');
}
