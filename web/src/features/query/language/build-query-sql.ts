// This subpath is the field list without the Prisma client. Only the SQL builder (server only)
// imports it, so its zod stays out of the query page's browser bundle.
import { TICKET_FIELDS } from '@learntrac/db/ticket-fields';
import { parseQueryDate, splitDateRange } from './query-dates';
import type { QueryField } from './query-fields';
import type { Query, QueryConstraint } from './query-model';
import { checkConstraint, parseIdRanges } from './query-parts';
import { QuerySyntaxError } from './query-syntax-error';
import { defaultOrder, resolveQueryColumns } from './resolve-query-columns';

/** Columns of Trac's `ticket` table that a standard field may name: the settable ones and the two times. */
const ticketColumns: ReadonlySet<string> = new Set([...TICKET_FIELDS, 'time', 'changetime']);

/** Table names, for a database that keeps Trac's tables elsewhere (e.g. `trac.ticket`). */
export interface QueryTables {
  ticket: string;
  ticketCustom: string;
  enum: string;
  milestone: string;
  version: string;
}

export interface BuildQuerySqlOptions {
  /** Every field the site has, standard and custom: the only names a query may use. */
  fields: readonly QueryField[];
  /** Replaces `$USER`; Trac's name for nobody signed in is `anonymous`. */
  user?: string;
  /** The moment relative dates count from. */
  now?: Date;
  /** IANA zone for "today", "thisweek" and dates without a zone. */
  timeZone?: string;
  tables?: Partial<QueryTables>;
  /** Page size when the query gives no `max` (Trac's default is 100). */
  defaultMax?: number;
}

/** SQL text with `$n` placeholders and the values that go with them. */
export interface SqlStatement {
  text: string;
  values: Array<string | number>;
}

/**
 * The column of a paged select's rows holding how many tickets match over all pages: no field
 * can take this name.
 */
export const TOTAL_COLUMN = '(total)';

export interface QuerySql {
  /**
   * One page of tickets; each row has `id` and one key per selected field, and when the query
   * has a page size also TOTAL_COLUMN, so one statement answers the page and the count.
   */
  select: SqlStatement;
  /** `total`: how many tickets match, over all pages (for a page that came back empty). */
  count: SqlStatement;
  /** The columns to show, `id` first. */
  columns: string[];
  /** Every field the select returns: the columns and what rows need (status, grouping, ...). */
  selected: string[];
  order: string;
  /** Null when the query asks for every ticket (`max=0`). */
  limit: number | null;
  offset: number;
  page: number;
}

const defaultTables: QueryTables = {
  ticket: 'ticket',
  ticketCustom: 'ticket_custom',
  enum: 'enum',
  milestone: 'milestone',
  version: 'version',
};

// Fields sorted by their position in the `enum` table, and the enum type holding them.
const enumTypes: Readonly<Record<string, string>> = {
  priority: 'priority',
  severity: 'severity',
  resolution: 'resolution',
  type: 'ticket_type',
};

function quoteTable(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/.test(name)) {
    throw new QuerySyntaxError(`'${name}' is not a table name`);
  }
  return name
    .split('.')
    .map((part) => `"${part}"`)
    .join('.');
}

/** LIKE pattern characters taken literally (the pattern uses `/` as its escape). */
function likeEscape(text: string): string {
  return text.replace(/[/%_]/g, (c) => `/${c}`);
}

const integerText = "'^-?[0-9]+$'";

/** One statement under construction: its parameters and the joins its expressions need. */
class Statement {
  readonly values: Array<string | number> = [];
  private readonly customAliases = new Map<string, string>();
  private readonly joins: string[] = [];
  private readonly joined = new Set<string>();

  constructor(
    private readonly fields: ReadonlyMap<string, QueryField>,
    private readonly tables: QueryTables,
    /** Parameters already taken by the statement this one is part of. */
    private readonly paramsBefore = 0,
  ) {}

  param(value: string | number, cast = ''): string {
    this.values.push(value);
    return `$${this.paramsBefore + this.values.length}${cast}`;
  }

  field(name: string): QueryField | undefined {
    if (name === 'id') return undefined;
    const field = this.fields.get(name);
    if (!field) throw new QuerySyntaxError(`Unknown field '${name}'`, { field: name });
    if (!field.custom && !ticketColumns.has(name)) {
      throw new QuerySyntaxError(`'${name}' is not a column of the ticket table`, { field: name });
    }
    return field;
  }

  /** The SQL expression of a field's value (custom fields come from a LEFT JOIN each). */
  column(name: string): string {
    const field = this.field(name);
    if (!field) return 't.id';
    if (!field.custom) return `t."${name}"`;
    let alias = this.customAliases.get(name);
    if (!alias) {
      alias = `c${this.customAliases.size}`;
      this.customAliases.set(name, alias);
      this.joins.push(
        `LEFT JOIN ${quoteTable(this.tables.ticketCustom)} AS ${alias} ` +
          `ON ${alias}.ticket = t.id AND ${alias}.name = ${this.param(name)}`,
      );
    }
    return `${alias}.value`;
  }

  /** A date field as microseconds (custom date fields keep them as text). */
  timeColumn(name: string): string {
    const col = this.column(name);
    if (!this.field(name)?.custom) return col;
    return `(CASE WHEN ${col} ~ ${integerText} THEN ${col}::bigint END)`;
  }

  join(key: string, sql: string) {
    if (this.joined.has(key)) return;
    this.joined.add(key);
    this.joins.push(sql);
  }

  fromClause(): string {
    return [`FROM ${quoteTable(this.tables.ticket)} AS t`, ...this.joins].join('\n');
  }
}

interface Context {
  user: string;
  now: Date;
  timeZone: string;
  fields: ReadonlyMap<string, QueryField>;
}

function idSql(s: Statement, c: QueryConstraint, values: string[]): string | undefined {
  const singles: string[] = [];
  const clauses: string[] = [];
  for (const value of values) {
    const ranges = parseIdRanges(value);
    if (!ranges) {
      throw new QuerySyntaxError(
        `Invalid ticket id list '${value}': use numbers and ranges like 42,44,51-55`,
        {
          field: 'id',
        },
      );
    }
    for (const [a, b] of ranges) {
      if (a === b) singles.push(s.param(a, '::integer'));
      else clauses.push(`t.id BETWEEN ${s.param(a, '::integer')} AND ${s.param(b, '::integer')}`);
    }
  }
  if (singles.length > 0) clauses.push(`t.id IN (${singles.join(', ')})`);
  if (clauses.length === 0) return undefined;
  return `${c.negate ? 'NOT ' : ''}(${clauses.join(' OR ')})`;
}

function microseconds(text: string, ctx: Context): number | undefined {
  if (text === '') return undefined;
  const date = parseQueryDate(text, ctx);
  if (!date) throw new QuerySyntaxError(`'${text}' is not a date`);
  return date.getTime() * 1000;
}

function timeSql(s: Statement, col: string, value: string, ctx: Context): string | undefined {
  const range = splitDateRange(value);
  const start = microseconds(range.start, ctx);
  const end = microseconds(range.end, ctx);
  const bounds: string[] = [];
  if (start !== undefined) bounds.push(`${col} >= ${s.param(start, '::bigint')}`);
  if (end !== undefined) bounds.push(`${col} < ${s.param(end, '::bigint')}`);
  return bounds.length > 0 ? `(${bounds.join(' AND ')})` : undefined;
}

/** Trac's "contains" for list fields: every word must appear, and `-word` must not. */
function listContainsSql(s: Statement, col: string, value: string): string | undefined {
  const clauses: string[] = [];
  for (const raw of value.split(/\s+/)) {
    const exclude = raw.startsWith('-');
    const word = exclude ? raw.slice(1) : raw;
    if (word === '') continue;
    clauses.push(
      `COALESCE(${col}, '') ${exclude ? 'NOT ' : ''}ILIKE ${s.param(`%${likeEscape(word)}%`)} ESCAPE '/'`,
    );
  }
  return clauses.length > 0 ? `(${clauses.join(' AND ')})` : undefined;
}

function constraintSql(s: Statement, c: QueryConstraint, ctx: Context): string | undefined {
  checkConstraint(c, ctx.fields, {});
  const values = c.values.map((value) => value.replaceAll('$USER', ctx.user));
  if (c.field === 'id') return idSql(s, c, values);
  const field = s.field(c.field);
  const not = c.negate ? 'NOT ' : '';

  if (field?.type === 'time') {
    const col = s.timeColumn(c.field);
    const parts = values.map((v) => timeSql(s, col, v, ctx)).filter((p) => p !== undefined);
    if (parts.length === 0) return undefined;
    return c.negate ? `(${parts.map((p) => `NOT ${p}`).join(' AND ')})` : `(${parts.join(' OR ')})`;
  }

  const col = s.column(c.field);
  if (c.mode === 'is') {
    // Only non-empty values wanted: a missing value can't match, so the plain comparison
    // answers the same and lets an index on the column (or ticket_custom's name and value)
    // serve it; COALESCE would hide the column from every index.
    if (!c.negate && values.every((v) => v !== '')) {
      if (values.length === 1) return `${col} = ${s.param(values[0] as string)}`;
      return `${col} IN (${values.map((v) => s.param(v)).join(', ')})`;
    }
    if (values.length === 1)
      return `COALESCE(${col}, '') ${c.negate ? '<>' : '='} ${s.param(values[0] ?? '')}`;
    return `COALESCE(${col}, '') ${not}IN (${values.map((v) => s.param(v)).join(', ')})`;
  }

  const parts: string[] = [];
  for (const value of values) {
    if (value === '') continue; // Trac ignores an empty "contains" rather than matching all.
    if (c.mode === 'contains' && field?.list) {
      const words = listContainsSql(s, col, value);
      if (words) parts.push(c.negate ? `NOT ${words}` : words);
      continue;
    }
    const escaped = likeEscape(value);
    const pattern =
      c.mode === 'contains'
        ? `%${escaped}%`
        : c.mode === 'startsWith'
          ? `${escaped}%`
          : `%${escaped}`;
    parts.push(`COALESCE(${col}, '') ${not}ILIKE ${s.param(pattern)} ESCAPE '/'`);
  }
  if (parts.length === 0) return undefined;
  return `(${parts.join(c.negate ? ' AND ' : ' OR ')})`;
}

/** The query's filters as one condition; undefined when nothing is filtered. */
function conditionSql(s: Statement, query: Query, ctx: Context): string | undefined {
  const groups = query.groups
    .map((group) => group.map((c) => constraintSql(s, c, ctx)).filter((sql) => sql !== undefined))
    // A group whose filters all turned out empty (e.g. `created=..`) drops out, as in Trac.
    .filter((clauses) => clauses.length > 0)
    .map((clauses) => `(${clauses.join(' AND ')})`);
  return groups.length > 0 ? groups.join('\n   OR ') : undefined;
}

function whereSql(s: Statement, query: Query, ctx: Context): string {
  const condition = conditionSql(s, query, ctx);
  return condition ? `\nWHERE ${condition}` : '';
}

/** An enum's names with their rank, as Trac orders them: by the integer in `value`. */
function enumRanksSql(tables: QueryTables, enumType: string): string {
  return (
    `(SELECT name, COALESCE(value, '') = '' AS unranked, ` +
    `CASE WHEN value ~ ${integerText} THEN value::integer END AS position ` +
    `FROM ${quoteTable(tables.enum)} WHERE type = '${enumType}')`
  );
}

/** The ORDER BY terms of an enum field over its rank columns, Trac's order. */
function rankTerms(ranks: { unranked: string; position: string; value: string }, d: string) {
  return [
    `COALESCE(${ranks.unranked}, true)${d}`,
    `${ranks.position}${d}`,
    `COALESCE(${ranks.value}, '')${d}`,
  ];
}

/** The enum type a standard field is ranked by (priority, severity, ...), if any. */
function enumTypeOf(s: Statement, name: string): string | undefined {
  const field = s.field(name);
  return field && !field.custom ? enumTypes[name] : undefined;
}

/** ORDER BY terms for one field, in Trac's order: empty values last, enums by position, ... */
function orderTerms(s: Statement, name: string, desc: boolean, tables: QueryTables): string[] {
  const d = desc ? ' DESC' : '';
  if (name === 'id') return [`t.id${d}`];
  const field = s.field(name);
  if (field?.type === 'time') {
    const col = s.timeColumn(name);
    return [`COALESCE(${col}, 0) = 0${d}`, `${col}${d}`];
  }
  const col = s.column(name);
  // NULL and '' mean the same to Trac; comparing them as '' leaves the tie to the ticket id.
  const text = `COALESCE(${col}, '')${d}`;
  const enumType = enumTypeOf(s, name);
  if (enumType) {
    const alias = `e_${name}`;
    // Each value's position is worked out once per enum row rather than once per ticket.
    s.join(
      alias,
      `LEFT JOIN ${enumRanksSql(tables, enumType)} AS ${alias} ON ${alias}.name = ${col}`,
    );
    return rankTerms(
      { unranked: `${alias}.unranked`, position: `${alias}.position`, value: col },
      d,
    );
  }
  const empty = `COALESCE(${col}, '') = ''${d}`;
  if (name === 'milestone' && !field?.custom) {
    s.join('m', `LEFT JOIN ${quoteTable(tables.milestone)} AS m ON m.name = t.milestone`);
    // Completed milestones first (by completion), then open ones by due date, then undated.
    return [
      empty,
      `COALESCE(m.completed, 0) = 0${d}`,
      `m.completed${d}`,
      `COALESCE(m.due, 0) = 0${d}`,
      `m.due${d}`,
      text,
    ];
  }
  if (name === 'version' && !field?.custom) {
    s.join('v', `LEFT JOIN ${quoteTable(tables.version)} AS v ON v.name = t.version`);
    return [empty, `COALESCE(v.time, 0) = 0${d}`, `v.time${d}`, text];
  }
  return [empty, text];
}

/**
 * Whether an index on (field, id) hands out every match in id order, which reading a page per
 * value needs: with no filter at all, or for Trac's default query (open tickets by priority,
 * served by the index of open tickets' priorities). Under other filters PostgreSQL would repeat
 * the filtering once per value or walk the index past sparse matches (owner=bob by priority:
 * 6.8 ms sorted, 52 ms by value, at 100,000 tickets), so those sort.
 */
function indexedForRanking(query: Query, order: string, condition: string | undefined): boolean {
  if (condition === undefined) return true;
  const [only, ...otherGroups] = query.groups;
  const [filter, ...otherFilters] = only ?? [];
  return (
    order === 'priority' &&
    otherGroups.length === 0 &&
    otherFilters.length === 0 &&
    filter?.field === 'status' &&
    filter.mode === 'is' &&
    filter.negate &&
    filter.values.length === 1 &&
    filter.values[0] === 'closed'
  );
}

/**
 * Trac's default order, by priority, without sorting every match: a page's worth of tickets
 * (`take`) for each value the field holds, by id, with their rank, for the caller to sort. The
 * values present are found by stepping through an index on the field (one lookup per value)
 * and each value's tickets come from an index on the field and the id, so a page costs the
 * same at a hundred tickets or a million.
 */
function candidatesByValueSql(options: {
  col: string;
  from: string;
  condition: string | undefined;
  take: string;
  enumType: string;
  tables: QueryTables;
}): string {
  const { col, from, condition, take } = options;
  const filtered = (test: string) => `\nWHERE ${condition ? `(${condition}) AND ` : ''}${test}`;
  const firstAfter = (test: string) =>
    `SELECT ${col} FROM ${quoteTable(options.tables.ticket)} AS t WHERE ${test} ORDER BY ${col} LIMIT 1`;
  return (
    `WITH RECURSIVE present (value) AS (\n` +
    `  (${firstAfter(`${col} IS NOT NULL`)})\n  UNION ALL\n` +
    `  SELECT (${firstAfter(`${col} > present.value`)}) FROM present WHERE present.value IS NOT NULL)\n` +
    `SELECT e.unranked, e.position, present.value, named.id\nFROM present\n` +
    `LEFT JOIN ${enumRanksSql(options.tables, options.enumType)} AS e ON e.name = present.value\n` +
    `CROSS JOIN LATERAL (SELECT t.id\n${from}${filtered(`${col} = present.value`)}\n` +
    `ORDER BY t.id\nLIMIT ${take}) AS named\n` +
    `UNION ALL\n(SELECT NULL, NULL, NULL, t.id\n${from}${filtered(`${col} IS NULL`)}\n` +
    `ORDER BY t.id\nLIMIT ${take})`
  );
}

/**
 * Turns a query into parameterised PostgreSQL over Trac's tables: one page of tickets and the
 * total count. Field names come only from `fields`; every value travels as a parameter.
 * Throws QuerySyntaxError for unknown fields and values a field cannot take.
 */
export function buildQuerySql(query: Query, options: BuildQuerySqlOptions): QuerySql {
  const fields = new Map(options.fields.map((field) => [field.name, field]));
  const tables = { ...defaultTables, ...options.tables };
  const ctx: Context = {
    user: options.user ?? 'anonymous',
    now: options.now ?? new Date(),
    timeZone: options.timeZone ?? 'UTC',
    fields,
  };
  const columns = resolveQueryColumns(query, options.fields);
  const order = query.order ?? defaultOrder(options.fields);
  const group = query.group;
  // Only what the rows show: the columns, the status (closed rows look closed), the description
  // of a verbose query and the grouping value. A caller wanting more asks for it as a column.
  const selected = [
    ...new Set([
      ...columns,
      ...(fields.has('status') ? ['status'] : []),
      ...(query.verbose && fields.has('description') ? ['description'] : []),
      ...(group ? [group] : []),
    ]),
  ];

  const select = new Statement(fields, tables);
  const selectList = selected.map((name) =>
    name === 'id' ? 't.id' : `${select.column(name)} AS "${name}"`,
  );
  const condition = conditionSql(select, query, ctx);
  const where = condition ? `\nWHERE ${condition}` : '';

  const max = query.max ?? options.defaultMax ?? 100;
  const limit = max === 0 ? null : max;
  const page = limit === null ? 1 : (query.page ?? 1);
  const offset = limit === null ? 0 : (page - 1) * limit;
  if (!Number.isSafeInteger(offset)) {
    throw new QuerySyntaxError(`Page ${page} is beyond the last page`, { field: 'page' });
  }
  // The count of all matches rides along as a sub-select of its own (PostgreSQL runs it once,
  // often from an index alone, where a window count would sort-key every match), so the page
  // and the total cost one statement.
  const countText = (statement: Statement) => {
    // The filters register the joins they need, so they come before the FROM clause is read.
    const countWhere = whereSql(statement, query, ctx);
    return `SELECT COUNT(*)::integer AS total\n${statement.fromClause()}${countWhere}`;
  };
  const withTotal = (list: string[]) => [...list, `page.total AS "${TOTAL_COLUMN}"`].join(', ');

  const rankedBy =
    limit !== null && (!group || group === order) && indexedForRanking(query, order, condition)
      ? enumTypeOf(select, order)
      : undefined;
  let selectText: string;
  let selectValues: Array<string | number>;
  if (limit !== null && rankedBy) {
    const d = query.desc ? ' DESC' : '';
    const byRank = (alias: string) =>
      `ORDER BY ${[
        ...rankTerms(
          { unranked: `${alias}.unranked`, position: `${alias}.position`, value: `${alias}.value` },
          d,
        ),
        `${alias}.id`,
      ].join(', ')}`;
    const from = select.fromClause();
    const candidates = candidatesByValueSql({
      col: select.column(order),
      from,
      condition,
      take: select.param(offset + limit, '::bigint'),
      enumType: rankedBy,
      tables,
    });
    const paging = `\nLIMIT ${select.param(limit, '::bigint')} OFFSET ${select.param(offset, '::bigint')}`;
    const total = new Statement(fields, tables, select.values.length);
    const pageIds =
      `SELECT candidate.*, (${countText(total)}) AS total\n` +
      `FROM (${candidates}) AS candidate\n${byRank('candidate')}${paging}`;
    selectText =
      `SELECT ${withTotal(selectList)}\n${from}` +
      `\nJOIN (${pageIds}) AS page ON page.id = t.id\n${byRank('page')}`;
    selectValues = [...select.values, ...total.values];
  } else {
    const orderBy: string[] = [];
    if (group && group !== order) {
      orderBy.push(...orderTerms(select, group, query.groupDesc, tables));
    }
    orderBy.push(...orderTerms(select, order, query.desc, tables));
    if (order !== 'id') orderBy.push('t.id');
    const from = select.fromClause();
    const ordered = `ORDER BY ${orderBy.join(', ')}`;
    selectText = `SELECT ${selectList.join(', ')}\n${from}${where}\n${ordered}`;
    selectValues = select.values;
    if (limit !== null) {
      const paging = `\nLIMIT ${select.param(limit, '::bigint')} OFFSET ${select.param(offset, '::bigint')}`;
      // A page is chosen by ids first, so only its own rows are read whole: sorting the ids of
      // every match can often be answered from an index alone. Joins the inner query does not
      // use are left out by PostgreSQL, since each joins at most one row.
      const total = new Statement(fields, tables, select.values.length);
      const pageIds = `SELECT t.id, (${countText(total)}) AS total\n${from}${where}\n${ordered}${paging}`;
      selectText =
        `SELECT ${withTotal(selectList)}\n${from}` +
        `\nJOIN (${pageIds}) AS page ON page.id = t.id\n${ordered}`;
      selectValues = [...select.values, ...total.values];
    }
  }
  const count = new Statement(fields, tables);

  return {
    select: { text: selectText, values: selectValues },
    count: { text: countText(count), values: count.values },
    columns,
    selected,
    order,
    limit,
    offset,
    page,
  };
}
