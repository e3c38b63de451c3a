import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildQuerySql, TOTAL_COLUMN } from './build-query-sql';
import { parseQueryString } from './parse-query-string';
import { parseQueryUrl } from './parse-query-url';
import { type QueryField, standardTicketFields } from './query-fields';
import type { Query } from './query-model';

// Runs the built SQL on a real PostgreSQL, in a fresh database made for this file.
const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(
      'TEST_DATABASE_URL is not set: the query SQL tests need a PostgreSQL 15 server',
    );
  }
  console.warn('Skipping query SQL database tests: TEST_DATABASE_URL is not set');
}

const fields: QueryField[] = [
  ...standardTicketFields,
  { name: 'estimate', type: 'text', custom: true },
  { name: 'due_date', type: 'time', custom: true },
];
const now = new Date('2024-05-15T12:00:00Z');
const day = 86_400_000_000;
const at = (daysAgo: number) => now.getTime() * 1000 - daysAgo * day;

const schema = `
  CREATE TABLE ticket (id integer PRIMARY KEY, type text, time bigint, changetime bigint,
    component text, severity text, priority text, owner text, reporter text, cc text,
    version text, milestone text, status text, resolution text, summary text,
    description text, keywords text);
  CREATE TABLE ticket_custom (ticket integer, name text, value text, PRIMARY KEY (ticket, name));
  CREATE TABLE enum (type text, name text, value text, PRIMARY KEY (type, name));
  CREATE TABLE milestone (name text PRIMARY KEY, due bigint, completed bigint, description text);
  CREATE TABLE version (name text PRIMARY KEY, time bigint, description text);`;

type Row = [
  number,
  string,
  string | null,
  string,
  string | null,
  string | null,
  string,
  string | null,
  string | null,
  number,
];
// id, status, owner, priority, milestone, version, summary, keywords, cc, created (days ago)
const tickets: Row[] = [
  [1, 'new', 'alice', 'major', 'm2', '1.0', 'Graph layout crashes', 'graph crash', 'bob@x.org', 20],
  [2, 'assigned', 'bob', 'critical', 'm1', '2.0', 'Add 100% zoom', 'ui', null, 10],
  [
    3,
    'closed',
    'alice',
    'blocker',
    'm1',
    null,
    'Lexer fails on_underscore',
    'lexer parser',
    'carol7',
    5,
  ],
  [4, 'new', 'bob', 'minor', '', null, 'graphics: use GPU', 'graphics', null, 2],
  [
    5,
    'reopened',
    'carol7',
    'major',
    'm3',
    null,
    'Parser: handle \\ in paths',
    'parser-ng',
    null,
    1,
  ],
  [6, 'new', null, 'weird', null, null, 'Docs', null, null, 30],
  [7, 'accepted', 'alice', 'critical', 'm2', null, 'graph editor undo', null, null, 0.5],
];

let admin: pg.Client;
let client: pg.Client;
let database: string;

beforeAll(async () => {
  if (!serverUrl) return;
  database = `query_sql_${randomBytes(5).toString('hex')}`;
  admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(schema);
  for (const [
    id,
    status,
    owner,
    priority,
    milestone,
    version,
    summary,
    keywords,
    cc,
    daysAgo,
  ] of tickets) {
    await client.query(
      `INSERT INTO ticket (id, status, owner, priority, milestone, version, summary, keywords, cc,
         time, changetime, type, resolution)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, 'defect', $11)`,
      [
        id,
        status,
        owner,
        priority,
        milestone,
        version,
        summary,
        keywords,
        cc,
        at(daysAgo),
        status === 'closed' ? 'fixed' : null,
      ],
    );
  }
  await client.query(
    `INSERT INTO ticket_custom VALUES (1, 'estimate', '3'), (2, 'estimate', '5'), (4, 'estimate', '13'),
       (4, 'due_date', $1), (5, 'due_date', 'not a date')`,
    [String(at(-2))],
  );
  await client.query(
    `INSERT INTO enum VALUES ('priority', 'blocker', '1'), ('priority', 'critical', '2'),
       ('priority', 'major', '3'), ('priority', 'minor', '4'), ('priority', 'trivial', '5')`,
  );
  await client.query(
    `INSERT INTO milestone (name, due, completed) VALUES ('m1', $1, $2), ('m2', $3, NULL), ('m3', NULL, NULL)`,
    [at(5), at(3), at(-5)],
  );
  await client.query(`INSERT INTO version (name, time) VALUES ('1.0', 100), ('2.0', 200)`);
});

afterAll(async () => {
  if (!serverUrl) return;
  await client?.end();
  await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin?.end();
});

async function run(query: Query, user = 'alice') {
  const sql = buildQuerySql(query, { fields, now, user });
  const rows = await client.query(sql.select.text, sql.select.values);
  const count = await client.query(sql.count.text, sql.count.values);
  // Every row of a page carries the same total the count statement answers.
  if (sql.limit !== null) {
    for (const row of rows.rows) expect(row[TOTAL_COLUMN]).toBe(count.rows[0]?.total);
  }
  return {
    ids: rows.rows.map((row) => row.id as number),
    total: count.rows[0]?.total as number,
    rows: rows.rows,
  };
}

const idsOf = async (text: string, user?: string) => (await run(parseQueryString(text), user)).ids;
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe.skipIf(!serverUrl)('query SQL on PostgreSQL', () => {
  it('shows open tickets by priority, unknown priorities last, id breaking ties', async () => {
    expect(await idsOf('status!=closed')).toEqual([2, 7, 1, 5, 4, 6]);
    expect(await idsOf('order=priority&desc=1')).toEqual([6, 4, 1, 5, 2, 7, 3]);
  });

  it('pages by priority exactly as sorting every match does, odd names included', async () => {
    // Tickets without a priority, with an empty one, with names the enum lacks, and enum names
    // that have no rank or a rank that is not a number; rolled back after the test.
    await client.query('BEGIN');
    try {
      await client.query(
        `INSERT INTO ticket (id, status, owner, priority, time, changetime, type) VALUES
           (8, 'new', 'bob', NULL, 1, 1, 'defect'), (9, 'closed', 'alice', '', 1, 1, 'defect'),
           (10, 'new', 'alice', 'weird', 1, 1, 'defect'), (11, 'new', 'bob', 'blocker', 1, 1, 'defect'),
           (12, 'new', 'bob', 'cosmetic', 1, 1, 'defect'), (13, 'new', 'alice', 'someday', 1, 1, 'defect'),
           (14, 'assigned', 'bob', 'critical', 1, 1, 'defect'), (15, 'new', 'alice', 'aardvark', 1, 1, 'defect')`,
      );
      await client.query(
        `INSERT INTO enum VALUES ('priority', 'cosmetic', ''), ('priority', 'someday', 'later')`,
      );
      for (const filter of ['', '&desc=1', '&status!=closed', '&owner=alice|bob&desc=1']) {
        const everyMatch = await idsOf(`order=priority&max=0${filter}`);
        const paged: number[] = [];
        for (let page = 1; page <= Math.ceil(everyMatch.length / 3); page += 1) {
          paged.push(...(await idsOf(`order=priority&max=3&page=${page}${filter}`)));
        }
        expect(paged, filter).toEqual(everyMatch);
      }
      expect(await idsOf('order=priority&max=0')).toEqual([
        3, 11, 2, 7, 14, 1, 5, 4, 13, 8, 9, 15, 12, 6, 10,
      ]);
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('finds my tickets with $USER', async () => {
    expect(await idsOf('owner=$USER&order=id', 'alice')).toEqual([1, 3, 7]);
    expect(await idsOf('owner!=$USER&order=id', 'alice')).toEqual([2, 4, 5, 6]);
  });

  it('matches contains, starts-with and ends-with without regard to case', async () => {
    expect(sorted(await idsOf('summary~=GRAPH'))).toEqual([1, 4, 7]);
    expect(sorted(await idsOf('summary^=graph e'))).toEqual([7]);
    expect(sorted(await idsOf('summary$=UNDO'))).toEqual([7]);
    expect(sorted(await idsOf('summary!~=graph'))).toEqual([2, 3, 5, 6]);
    expect(sorted(await idsOf('summary!^=graph&owner!$=7'))).toEqual([2, 3, 6]);
    expect(sorted(await idsOf('owner=$7'))).toEqual([5]);
  });

  it('takes %, _ and \\ literally', async () => {
    expect(await idsOf('summary~=100%')).toEqual([2]);
    expect(await idsOf('summary~=_')).toEqual([3]);
    expect(await idsOf('summary~=\\\\')).toEqual([5]);
  });

  it('matches each word of a keywords or cc search, and -word excludes', async () => {
    expect(sorted(await idsOf('keywords~=parser'))).toEqual([3, 5]);
    expect(sorted(await idsOf('keywords~=crash graph'))).toEqual([1]);
    expect(sorted(await idsOf('keywords~=graph -crash'))).toEqual([4]);
    expect(sorted(await idsOf('keywords!~=lexer'))).toEqual([1, 2, 4, 5, 6, 7]);
    expect(sorted(await idsOf('cc~=$USER', 'carol7'))).toEqual([3]);
  });

  it('treats a missing value as empty', async () => {
    expect(sorted(await idsOf('milestone='))).toEqual([4, 6]);
    expect(sorted(await idsOf('milestone!=&milestone!=m1'))).toEqual([1, 5, 7]);
    expect(sorted(await idsOf('status=new|reopened'))).toEqual([1, 4, 5, 6]);
  });

  it('filters ids by lists and ranges', async () => {
    expect(await idsOf('id=1,3,5-7&order=id')).toEqual([1, 3, 5, 6, 7]);
    expect(await idsOf('id!=2-6&order=id')).toEqual([1, 7]);
  });

  it('filters created and modified dates with relative dates and ranges', async () => {
    expect(sorted(await idsOf('created=7daysago..'))).toEqual([3, 4, 5, 7]);
    expect(sorted(await idsOf('created=..1weekago'))).toEqual([1, 2, 6]);
    expect(sorted(await idsOf('created=15days ago..3days ago'))).toEqual([2, 3]);
    expect(sorted(await idsOf('created!=7daysago..'))).toEqual([1, 2, 6]);
    expect(sorted(await idsOf('modified=today..|..-4w'))).toEqual([6, 7]);
    expect(sorted(await idsOf('created=2024-05-10..2024-05-14'))).toEqual([3, 4]);
  });

  it('filters custom fields by name, counting a missing value as empty', async () => {
    expect(await idsOf('estimate=5')).toEqual([2]);
    expect(sorted(await idsOf('estimate=5|3'))).toEqual([1, 2]);
    expect(sorted(await idsOf('estimate=5|'))).toEqual([2, 3, 5, 6, 7]);
    expect(sorted(await idsOf('estimate!=5'))).toEqual([1, 3, 4, 5, 6, 7]);
    expect(sorted(await idsOf('estimate~=3'))).toEqual([1, 4]);
    expect(sorted(await idsOf('estimate='))).toEqual([3, 5, 6, 7]);
    expect(sorted(await idsOf('estimate^=1&owner=bob'))).toEqual([4]);
    expect(await idsOf('due_date=today..')).toEqual([4]);
  });

  it('ORs the numbered groups of a URL', async () => {
    const { ids, total } = await run(parseQueryUrl('0_owner=bob&1_priority=blocker&order=id'));
    expect(ids).toEqual([2, 3, 4]);
    expect(total).toBe(3);
  });

  it('orders by group first, then by the sort field', async () => {
    expect(await idsOf('group=milestone&order=priority')).toEqual([3, 2, 7, 1, 5, 4, 6]);
    expect(await idsOf('group=milestone&groupdesc=1&order=id')).toEqual([4, 6, 5, 1, 7, 2, 3]);
  });

  it('orders milestones as the roadmap does: completed, then by due date, then the rest', async () => {
    expect(await idsOf('order=milestone')).toEqual([2, 3, 1, 7, 5, 4, 6]);
  });

  it('orders text with empty values last, and versions by their date', async () => {
    expect(await idsOf('order=owner&desc=1')).toEqual([6, 5, 2, 4, 1, 3, 7]);
    expect(await idsOf('order=owner')).toEqual([1, 3, 7, 2, 4, 5, 6]);
    expect(await idsOf('order=version')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await idsOf('order=time')).toEqual([6, 1, 2, 3, 4, 5, 7]);
    expect(await idsOf('order=estimate')).toEqual([4, 1, 2, 3, 5, 6, 7]);
    expect(await idsOf('order=due_date&desc=1')).toEqual([1, 2, 3, 5, 6, 7, 4]);
  });

  it('pages through results and counts them all', async () => {
    const page = await run(parseQueryString('order=id&max=3&page=2'));
    expect(page.ids).toEqual([4, 5, 6]);
    expect(page.total).toBe(7);
    expect((await run(parseQueryString('order=id&max=3&page=3'))).ids).toEqual([7]);
    expect((await run(parseQueryString('max=0'))).ids).toHaveLength(7);
  });

  it('returns the chosen columns, custom ones included', async () => {
    const { rows } = await run(parseQueryString('id=4&col=summary|estimate&verbose=1'));
    expect(rows[0]).toMatchObject({
      id: 4,
      summary: 'graphics: use GPU',
      estimate: '13',
      status: 'new',
    });
    expect(rows[0]).toHaveProperty('description');
  });

  it('finds nothing, and breaks nothing, with SQL typed into a value', async () => {
    expect(await idsOf("summary~=x'; DROP TABLE ticket; --&or&owner=' OR '1'='1")).toEqual([]);
    expect((await client.query('SELECT COUNT(*)::int AS n FROM ticket')).rows[0].n).toBe(7);
  });
});
