import type { QueryField } from './query-fields';
import type { Query, QueryConstraint } from './query-model';
import { QuerySyntaxError } from './query-syntax-error';

/** The sort field when a query names none: Trac sorts by priority when it can. */
export function defaultOrder(fields: readonly QueryField[]): string {
  return fields.some((f) => f.name === 'priority') ? 'priority' : 'id';
}

/** A constraint that pins a field to one plain value makes that column redundant. */
function pinsOneValue(c: QueryConstraint, fields: readonly QueryField[]): boolean {
  const type = fields.find((f) => f.name === c.field)?.type;
  return (
    c.mode === 'is' && !c.negate && c.values.length === 1 && c.values[0] !== '' && type !== 'time'
  );
}

/**
 * The columns a query shows, `id` first. Without `col`, Trac's defaults: summary, then
 * constrained fields, then the rest, leaving out columns a filter pins to one value and the
 * grouping column, seven at most, and the sort column always visible.
 */
export function resolveQueryColumns(query: Query, fields: readonly QueryField[]): string[] {
  const known = new Set(fields.map((f) => f.name));
  if (query.columns.length > 0) {
    for (const col of query.columns) {
      if (col !== 'id' && !known.has(col)) {
        throw new QuerySyntaxError(`Unknown column '${col}'`, { field: col });
      }
    }
    return query.columns.includes('id') ? [...query.columns] : ['id', ...query.columns];
  }

  const constraints = new Map<string, QueryConstraint[]>();
  for (const group of query.groups) {
    for (const c of group) constraints.set(c.field, [...(constraints.get(c.field) ?? []), c]);
  }
  const last = ['reporter', 'keywords', 'cc'];
  const names = fields.filter((f) => f.type !== 'textarea').map((f) => f.name);
  const rank = (name: string) => (name === 'summary' ? 0 : constraints.has(name) ? 1 : 2);
  let cols = [
    ...names.filter((n) => !last.includes(n)),
    ...last.filter((n) => names.includes(n)),
  ].sort((a, b) => rank(a) - rank(b));

  for (const [field, list] of constraints) {
    if (list.every((c) => pinsOneValue(c, fields))) cols = cols.filter((n) => n !== field);
  }
  const statusConstraints = constraints.get('status');
  if (
    statusConstraints &&
    !statusConstraints.some((c) => c.mode === 'is' && !c.negate && c.values.includes('closed'))
  ) {
    cols = cols.filter((n) => n !== 'resolution');
  }
  cols = ['id', ...cols.filter((n) => n !== query.group)].slice(0, 7);
  const order = query.order ?? defaultOrder(fields);
  if (!cols.includes(order) && order !== query.group && cols.length > 1) {
    cols[cols.length - 1] = order;
  }
  return cols;
}
