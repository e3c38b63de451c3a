import { describe, expect, it } from 'vitest';
import { buildQuerySql } from './build-query-sql';
import { parseQueryString } from './parse-query-string';
import { type QueryField, standardTicketFields } from './query-fields';
import { createQuery } from './query-model';
import { QuerySyntaxError } from './query-syntax-error';

const fields: QueryField[] = [
  ...standardTicketFields,
  { name: 'estimate', type: 'text', custom: true },
];
const now = new Date('2024-05-15T12:00:00Z');

function build(text: string, options: Partial<Parameters<typeof buildQuerySql>[1]> = {}) {
  return buildQuerySql(parseQueryString(text), { fields, now, ...options });
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(QuerySyntaxError);
    return (error as Error).message;
  }
  throw new Error('expected a QuerySyntaxError');
}

describe('buildQuerySql', () => {
  it('never puts a value into the SQL text', () => {
    const nasty = "x'); DROP TABLE ticket; --";
    const sql = build(`summary~=${nasty}&owner=${nasty}&estimate^=${nasty}`);
    expect(sql.select.text).not.toContain('DROP');
    expect(sql.count.text).not.toContain('DROP');
    expect(sql.select.values).toContain(nasty);
    expect(sql.select.values).toContain(`%${nasty}%`);
  });

  it('escapes LIKE wildcards in contains, starts-with and ends-with values', () => {
    expect(build('summary~=100%_/').select.values).toContain('%100/%/_//%');
    expect(build('summary^=a_').select.values).toContain('a/_%');
    expect(build('summary$=%').select.values).toContain('%/%');
  });

  it('substitutes $USER with the signed-in user, or anonymous', () => {
    expect(build('owner=$USER', { user: 'alice' }).select.values).toContain('alice');
    expect(build('cc~=$USER').select.values).toContain('%anonymous%');
  });

  it('joins ticket_custom once per custom field, with the name as a parameter', () => {
    const sql = build('estimate=3&or&estimate=5&col=estimate&order=estimate&max=0');
    expect(sql.select.text.match(/LEFT JOIN "ticket_custom"/g)).toHaveLength(1);
    expect(sql.select.values.filter((value) => value === 'estimate')).toHaveLength(1);
  });

  it('picks a page by ticket id first, then reads only the rows of that page', () => {
    const sql = build('status!=closed&order=owner&max=25&page=2');
    expect(sql.select.text).toMatch(
      /JOIN \(SELECT t\.id, [^\n]*\n[\s\S]*LIMIT \$\d+::bigint OFFSET \$\d+::bigint\) AS page ON page\.id = t\.id\n/,
    );
    // The filter's value again for the count of all matches, taken in the same statement.
    expect(sql.select.values).toEqual(['closed', 25, 25, 'closed']);
    expect(sql.select.text).toContain(
      `(SELECT COUNT(*)::integer AS total\nFROM "ticket" AS t\nWHERE (COALESCE(t."status", '') <> $4)) AS total`,
    );
  });

  it('reads at most a page of tickets per priority when ordering by priority', () => {
    const sql = build('status!=closed&order=priority&max=25&page=2');
    // The priorities present, one index step each, and each one's candidates by id, as an
    // index on (priority, id) hands them out.
    expect(sql.select.text).toContain(
      `SELECT (SELECT t."priority" FROM "ticket" AS t WHERE t."priority" > present.value ORDER BY t."priority" LIMIT 1)`,
    );
    expect(sql.select.text).toContain(
      `CROSS JOIN LATERAL (SELECT t.id\nFROM "ticket" AS t\nWHERE ((COALESCE(t."status", '') <> $1)) AND t."priority" = present.value\nORDER BY t.id\nLIMIT $2::bigint) AS named`,
    );
    // Enough candidates for the first two pages, the page itself, the count's filter.
    expect(sql.select.values).toEqual(['closed', 50, 25, 25, 'closed']);
    expect(build('order=priority').select.text).toContain('LATERAL');
    expect(build('order=priority&max=0').select.text).not.toContain('LATERAL');
    expect(build('group=milestone&order=priority').select.text).not.toContain('LATERAL');
    // Other filters would be repeated once per priority: those pages sort their matches.
    expect(build('owner=bob&order=priority').select.text).not.toContain('LATERAL');
    expect(build('status!=closed&owner=bob&order=priority').select.text).not.toContain('LATERAL');
    expect(build('status!=closed&order=type').select.text).not.toContain('LATERAL');
  });

  it('compares wanted non-empty values directly, so indexes can serve them', () => {
    expect(build('status=new').count.text).toContain('t."status" = $1');
    expect(build('estimate=3|5').count.text).toContain('c0.value IN ($2, $3)');
    expect(build('milestone=m1|').count.text).toContain(`COALESCE(t."milestone", '') IN`);
    expect(build('status!=closed').count.text).toContain(`COALESCE(t."status", '') <> $1`);
  });

  it('compares dates as microseconds', () => {
    const sql = build('created=2024-05-01..2024-05-15');
    expect(sql.count.values).toEqual([Date.UTC(2024, 4, 1) * 1000, Date.UTC(2024, 4, 15) * 1000]);
    expect(sql.count.text).toContain('t."time" >= $1::bigint AND t."time" < $2::bigint');
  });

  it('pages with the default size, max and page, and drops the limit for max=0', () => {
    expect(build('status=new')).toMatchObject({ limit: 100, offset: 0, page: 1 });
    expect(build('max=25&page=3')).toMatchObject({ limit: 25, offset: 50, page: 3 });
    expect(build('max=0&page=3')).toMatchObject({ limit: null, offset: 0 });
    expect(build('max=0').select.text).not.toContain('LIMIT');
    expect(build('status=new', { defaultMax: 10 }).limit).toBe(10);
  });

  it('matches every ticket when no filter is given, and drops empty date ranges', () => {
    expect(build('').count.text).not.toContain('WHERE');
    expect(build('created=..').count.text).not.toContain('WHERE');
  });

  it('uses the given table names', () => {
    const sql = build('estimate=1&order=milestone', {
      tables: {
        ticket: 'trac.ticket',
        ticketCustom: 'trac.ticket_custom',
        milestone: 'trac.milestone',
      },
    });
    expect(sql.select.text).toContain('FROM "trac"."ticket" AS t');
    expect(sql.select.text).toContain('LEFT JOIN "trac"."milestone" AS m');
    expect(refusal(() => build('', { tables: { ticket: 'ticket; DROP' } }))).toContain(
      'is not a table name',
    );
  });

  it("selects Trac's default columns and only what rows need besides", () => {
    const sql = build('status!=closed');
    expect(sql.columns).toEqual([
      'id',
      'summary',
      'status',
      'owner',
      'type',
      'priority',
      'milestone',
    ]);
    expect(sql.selected).toEqual(sql.columns);
    expect(build('col=summary&order=priority').selected).toEqual(['id', 'summary', 'status']);
    expect(build('verbose=1&group=component').selected).toContain('description');
    expect(build('verbose=1&group=component').selected).toContain('component');
  });

  describe('refuses', () => {
    it('fields the site does not have, wherever they appear', () => {
      const bare = createQuery({
        groups: [[{ field: 'nope', mode: 'is', negate: false, values: ['x'] }]],
      });
      expect(refusal(() => buildQuerySql(bare, { fields }))).toBe("Unknown field 'nope'");
      expect(refusal(() => buildQuerySql(createQuery({ order: 'nope' }), { fields }))).toBe(
        "Unknown field 'nope'",
      );
      expect(refusal(() => buildQuerySql(createQuery({ columns: ['nope'] }), { fields }))).toBe(
        "Unknown column 'nope'",
      );
    });

    it('a standard field that is not a ticket column', () => {
      const odd: QueryField[] = [...fields, { name: 'secret', type: 'text', custom: false }];
      const query = createQuery({
        groups: [[{ field: 'secret', mode: 'is', negate: false, values: ['x'] }]],
      });
      expect(refusal(() => buildQuerySql(query, { fields: odd }))).toContain(
        'is not a column of the ticket table',
      );
    });

    it('values a field cannot take, even in a query built by hand', () => {
      const badId = createQuery({
        groups: [[{ field: 'id', mode: 'is', negate: false, values: ['$USER'] }]],
      });
      expect(refusal(() => buildQuerySql(badId, { fields, user: 'bob' }))).toContain(
        "Invalid ticket id list 'bob'",
      );
      const badDate = createQuery({
        groups: [[{ field: 'time', mode: 'contains', negate: false, values: ['x'] }]],
      });
      expect(refusal(() => buildQuerySql(badDate, { fields }))).toContain(
        'compares dates with = or != only',
      );
    });

    it('a page too far to count', () => {
      expect(refusal(() => build('max=999999999&page=999999999'))).toContain(
        'beyond the last page',
      );
    });
  });
});
