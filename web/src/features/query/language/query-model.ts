/** How a constraint compares: Trac's `=`, `~=`, `^=` and `$=`. */
export type MatchMode = 'is' | 'contains' | 'startsWith' | 'endsWith';

/**
 * One field's filter inside a group. Values are alternatives: a ticket matches when any value
 * matches, or, when negated, when none does. Values are kept as written (`$USER`, relative
 * dates, id ranges) and resolved only when SQL is built, so a query keeps its meaning over time.
 */
export interface QueryConstraint {
  field: string;
  mode: MatchMode;
  negate: boolean;
  values: string[];
}

export type QueryFormat = 'csv' | 'tab' | 'rss';

/**
 * A ticket query. `groups` are OR'ed; each group is an AND of constraints, at most one per
 * field. No groups means every ticket.
 */
export interface Query {
  groups: QueryConstraint[][];
  /** Sort field; absent means Trac's default (priority). */
  order?: string;
  desc: boolean;
  group?: string;
  groupDesc: boolean;
  /** Columns as asked for; empty means Trac's default columns. */
  columns: string[];
  /** Page size; 0 means no limit; absent means the site default. */
  max?: number;
  /** 1-based page number; absent means the first page. */
  page?: number;
  /** Show the description under each ticket (`verbose=1`, Trac's `row=description`). */
  verbose: boolean;
  /** The report this query came from (Trac keeps it to link back). */
  report?: string;
  format?: QueryFormat;
}

/** A query with no constraints and Trac's defaults everywhere. */
export function createQuery(parts: Partial<Query> = {}): Query {
  return { groups: [], desc: false, groupDesc: false, columns: [], verbose: false, ...parts };
}

/** Trac's operator spelling for a constraint, as used in the query string: `!~`, `^`, ``. */
export function operatorPrefix(mode: MatchMode, negate: boolean): string {
  const modeChar = { is: '', contains: '~', startsWith: '^', endsWith: '$' }[mode];
  return `${negate ? '!' : ''}${modeChar}`;
}
