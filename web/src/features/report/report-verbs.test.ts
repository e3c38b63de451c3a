import { testServerUrl } from '@learntrac/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permission } from '@/core/auth/roles';
import { AppError, isAppError } from '@/core/errors/app-error';
import type { Viewer } from '@/core/feature';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { exportReport } from './export-report';
import { getReport } from './get-report';
import { listReports } from './list-reports';
import { runReport } from './run-report';
import { createReport, deleteReport, updateReport } from './save-report';

const serverUrl = testServerUrl();

const actor = (name: string | null, ...permissions: Permission[]): Viewer => ({
  name,
  permissions: new Set(permissions),
});
const reader = actor('rita', 'REPORT_VIEW', 'TICKET_VIEW');
const noSql = actor('nora', 'REPORT_VIEW');
const writer = actor('ivan', 'REPORT_VIEW', 'REPORT_SQL_VIEW', 'REPORT_CREATE', 'REPORT_MODIFY');
const admin = actor('ada', 'TRAC_ADMIN');
const stranger = actor(null);

/** An export's body as text, whether it was built whole or streamed. */
async function bodyText(file: { body: string | ReadableStream<Uint8Array> }): Promise<string> {
  if (typeof file.body === 'string') return file.body;
  // Keeping the byte order mark, which the export starts with.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(
    await new Response(file.body).arrayBuffer(),
  );
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error, 'FORBIDDEN')) return error.permission ?? '';
    throw error;
  }
  throw new Error('expected a refusal');
}

describe.skipIf(!serverUrl)('reports against PostgreSQL', () => {
  const t = useWebTestDatabase({ prefix: 'web_report', seed: true });
  let pool: pg.Pool;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: t.url, max: 2 });
    const at = (day: number) => BigInt(Date.UTC(2024, 4, day)) * 1000n;
    const tickets = [
      {
        summary: 'Crash on start',
        owner: 'rita',
        status: 'new',
        priority: 'blocker',
        milestone: 'm1',
      },
      {
        summary: 'Slow, "very" slow',
        owner: 'ivan',
        status: 'accepted',
        priority: 'major',
        milestone: 'm1',
      },
      { summary: 'Typo', owner: 'rita', status: 'closed', priority: 'trivial', milestone: 'm2' },
      {
        summary: "O'Brien's idea",
        owner: "x' OR '1'='1",
        status: 'new',
        priority: 'minor',
        milestone: 'm2',
      },
    ];
    for (const [i, ticket] of tickets.entries()) {
      await t.prisma.ticket.create({
        data: {
          ...ticket,
          type: 'defect',
          reporter: 'ada',
          time: at(i + 1),
          changetime: at(i + 2),
        },
      });
    }
  });

  afterAll(async () => {
    await pool?.end();
  });

  it('lists Trac’s default reports to anyone with REPORT_VIEW, and no one else', async () => {
    const reports = await listReports({ db: t.db, actor: reader });
    expect(reports.map((r) => r.title)).toContain('Active Tickets');
    expect(await refusal(listReports({ db: t.db, actor: stranger }))).toBe('REPORT_VIEW');
  });

  it('runs “My Tickets” with $USER as the viewer’s name', async () => {
    const report = await getReport({ db: t.db, actor: reader, id: 6 });
    const result = await runReport({ pool, sql: report.query, variables: { USER: 'rita' } });
    expect(result.rows.map((r) => r.summary)).toEqual(['Crash on start']);
    expect(result.columns).toContain('__group__');
  });

  it('binds URL variables as values, so quotes in them cannot change the SQL', async () => {
    const sql = 'SELECT id AS ticket, summary FROM ticket WHERE owner = $OWNER ORDER BY id';
    const injected = await runReport({ pool, sql, variables: { OWNER: "x' OR '1'='1" } });
    expect(injected.rows.map((r) => r.summary)).toEqual(["O'Brien's idea"]);
    const none = await runReport({ pool, sql, variables: { OWNER: "' OR 1=1 --" } });
    expect(none.rows).toEqual([]);
  });

  it('says which variable a report is missing', async () => {
    await expect(
      runReport({ pool, sql: 'SELECT id FROM ticket WHERE milestone = $MILESTONE', variables: {} }),
    ).rejects.toThrow(/\$MILESTONE/);
  });

  it('leaves $NAME alone inside string literals and comments', async () => {
    const result = await runReport({
      pool,
      sql: "SELECT '$USER' AS literal -- $NOPE\n FROM ticket LIMIT 1",
      variables: {},
    });
    expect(result.rows[0]?.literal).toBe('$USER');
  });

  it('refuses SQL that would write, and nothing is written', async () => {
    for (const sql of [
      'DELETE FROM ticket',
      'WITH gone AS (DELETE FROM ticket RETURNING id) SELECT * FROM gone',
      'SELECT id FROM ticket; DELETE FROM ticket',
    ]) {
      await expect(runReport({ pool, sql, variables: {} })).rejects.toBeInstanceOf(AppError);
    }
    expect(await t.prisma.ticket.count()).toBe(4);
  });

  it('stops a report that runs past the statement timeout', async () => {
    await expect(
      runReport({
        pool,
        sql: 'SELECT count(*) AS n FROM generate_series(1, 500000000)',
        variables: {},
        timeoutMs: 200,
      }),
    ).rejects.toThrow(/statement timeout/);
  });

  it('gives the database’s message for bad SQL instead of failing the page', async () => {
    await expect(runReport({ pool, sql: 'SELEC nonsense', variables: {} })).rejects.toThrow(
      /Report execution failed: .*syntax error/,
    );
  });

  it('sorts by a column and pages the rows, counting them all', async () => {
    const sql = 'SELECT id AS ticket, summary, time AS created FROM ticket';
    const first = await runReport({ pool, sql, variables: {}, sort: 'ticket', asc: false, max: 3 });
    expect(first.total).toBe(4);
    expect(first.rows.map((r) => r.ticket)).toEqual([4, 3, 2]);
    const second = await runReport({
      pool,
      sql,
      variables: {},
      sort: 'ticket',
      asc: false,
      max: 3,
      page: 2,
    });
    expect(second.rows.map((r) => r.ticket)).toEqual([1]);
    await expect(runReport({ pool, sql, variables: {}, max: 3, page: 5 })).rejects.toThrow(
      /beyond/,
    );
  });

  it('keeps the column headers of a report without rows, in the page and in CSV and TSV', async () => {
    const sql =
      "SELECT id AS ticket, summary, owner AS _owner, time AS created FROM ticket WHERE status = 'nope'";
    const result = await runReport({ pool, sql, variables: {} });
    expect(result.rows).toEqual([]);
    expect(result.total).toBe(0);
    expect(result.columns).toEqual(['ticket', 'summary', '_owner', 'created']);

    const { id } = await createReport({
      db: t.db,
      actor: writer,
      input: { title: 'Nothing', description: '', query: sql },
    });
    const params = new URLSearchParams();
    for (const [format, header] of [
      ['csv', '\uFEFFticket,summary,owner,created'],
      ['tab', '\uFEFFticket\tsummary\towner\tcreated'],
    ] as const) {
      const file = await exportReport({
        db: t.db,
        pool,
        actor: reader,
        id,
        params,
        format,
        baseUrl: '',
      });
      expect((await bodyText(file)).split('\r\n')[0]).toBe(header);
    }
  });

  it('runs every default report under the report role', async () => {
    const reports = await listReports({ db: t.db, actor: reader });
    for (const listed of reports) {
      const report = await getReport({ db: t.db, actor: reader, id: listed.id });
      if (report.query.trim().startsWith('query:')) continue;
      const result = await runReport({ pool, sql: report.query, variables: { USER: 'rita' } });
      expect(result.columns.length, report.title).toBeGreaterThan(0);
    }
  });

  it('refuses reports that read permissions, sessions or learning data, saying why', async () => {
    for (const [sql, table] of [
      ['SELECT * FROM permission', 'permission'],
      ['SELECT sid FROM session', 'session'],
      [
        'SELECT t.id FROM ticket t JOIN session_attribute a ON a.sid = t.owner',
        'session_attribute',
      ],
      ['SELECT * FROM system', 'system'],
      ['SELECT * FROM _prisma_migrations', '_prisma_migrations'],
    ]) {
      await expect(runReport({ pool, sql: sql!, variables: {} })).rejects.toThrow(
        `Report execution failed: permission denied for table ${table}`,
      );
    }
    await expect(
      runReport({ pool, sql: 'SELECT cognito_user_id FROM learning.progress', variables: {} }),
    ).rejects.toThrow(/permission denied for schema learning/);
  });

  it('cannot leave the report role', async () => {
    for (const sql of [
      'RESET ROLE',
      'SET ROLE postgres',
      'SELECT 1 AS one; RESET ROLE',
      "SELECT set_config('role', 'none', true) AS r",
      "SELECT query_to_xml('SELECT * FROM permission', false, false, '') AS x",
      `SELECT U&"\\0073et_config"('role', 'none', true) AS r`,
    ]) {
      await expect(runReport({ pool, sql, variables: {} }), sql).rejects.toBeInstanceOf(AppError);
    }
    // SQL that closes the wrapping subquery itself still reaches PostgreSQL as one statement.
    await expect(
      runReport({
        pool,
        sql: 'SELECT 1 AS one) AS report; RESET ROLE; SELECT * FROM (SELECT * FROM permission',
        variables: {},
      }),
    ).rejects.toThrow(/cannot insert multiple commands into a prepared statement/);
    const who = await runReport({ pool, sql: 'SELECT current_user AS who', variables: {} });
    expect(who.rows).toEqual([{ who: 'learntrac_report' }]);
  });

  it('cannot read tables added after the report role was set up', async () => {
    const client = await pool.connect();
    try {
      await client.query('CREATE TABLE report_role_probe (secret text)');
    } finally {
      client.release();
    }
    await expect(
      runReport({ pool, sql: 'SELECT * FROM report_role_probe', variables: {} }),
    ).rejects.toThrow(/permission denied for table report_role_probe/);
  });

  it('cannot take the locks wiki saves use, nor sleep, signal or notify', async () => {
    for (const sql of [
      "SELECT pg_advisory_xact_lock(hashtext('wiki:WikiStart')) AS locked",
      'SELECT pg_advisory_lock(4242) AS locked',
      'SELECT "pg_try_advisory_lock"(4242) AS locked',
      'SELECT PG_SLEEP(30) AS slept',
      'SELECT pg_terminate_backend(1) AS gone',
      "SELECT pg_notify('jobs', 'x') AS sent",
    ]) {
      await expect(runReport({ pool, sql, variables: {} }), sql).rejects.toThrow(
        /Report SQL may not call/,
      );
    }
    // So the lock is free for the wiki the moment the report is refused.
    const other = new pg.Client({ connectionString: t.url });
    await other.connect();
    try {
      const { rows } = await other.query(
        "SELECT pg_try_advisory_lock(hashtext('wiki:WikiStart')) AS free",
      );
      expect(rows[0].free).toBe(true);
    } finally {
      await other.end();
    }
  });

  it('creates, edits and deletes reports only with the matching permission', async () => {
    const input = { title: 'Mine', description: '', query: 'SELECT id AS ticket FROM ticket' };
    expect(await refusal(createReport({ db: t.db, actor: reader, input }))).toBe('REPORT_CREATE');
    const { id } = await createReport({ db: t.db, actor: writer, input });
    expect((await getReport({ db: t.db, actor: reader, id })).author).toBe('ivan');

    expect(await refusal(updateReport({ db: t.db, actor: reader, id, input }))).toBe(
      'REPORT_MODIFY',
    );
    await updateReport({ db: t.db, actor: writer, id, input: { ...input, title: 'Renamed' } });
    expect((await getReport({ db: t.db, actor: reader, id })).title).toBe('Renamed');

    expect(await refusal(deleteReport({ db: t.db, actor: writer, id }))).toBe('REPORT_DELETE');
    await deleteReport({ db: t.db, actor: admin, id });
    await expect(getReport({ db: t.db, actor: reader, id })).rejects.toBeInstanceOf(AppError);
  });

  it('refuses a report without a title or SQL, naming the field', async () => {
    try {
      await createReport({
        db: t.db,
        actor: writer,
        input: { title: ' ', description: '', query: '' },
      });
      throw new Error('expected the form to be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(Object.keys((error as AppError).fieldErrors).sort()).toEqual(['query', 'title']);
    }
  });

  it('exports CSV with quoting and a byte order mark, and the SQL only with REPORT_SQL_VIEW', async () => {
    const { id } = await createReport({
      db: t.db,
      actor: writer,
      input: {
        title: 'Export',
        description: '',
        query:
          'SELECT id AS ticket, summary, time AS created, reporter AS _reporter FROM ticket ORDER BY id',
      },
    });
    const params = new URLSearchParams();
    const csv = await exportReport({
      db: t.db,
      pool,
      actor: noSql,
      id,
      params,
      format: 'csv',
      baseUrl: 'http://x',
    });
    expect(csv.contentType).toBe('text/csv;charset=utf-8');
    const lines = (await bodyText(csv)).split('\r\n');
    expect(lines[0]).toBe('\uFEFFticket,summary,created,reporter');
    expect(lines[2]).toBe('2,"Slow, ""very"" slow",2024-05-02T00:00:00Z,ada');

    const rss = await exportReport({
      db: t.db,
      pool,
      actor: noSql,
      id,
      params,
      format: 'rss',
      baseUrl: 'http://x',
    });
    expect(rss.body).toContain('<link>http://x/ticket/2</link>');
    expect(rss.body).toContain('&quot;very&quot;');

    expect(
      await refusal(
        exportReport({ db: t.db, pool, actor: noSql, id, params, format: 'sql', baseUrl: '' }),
      ),
    ).toBe('REPORT_SQL_VIEW');
    const sql = await exportReport({
      db: t.db,
      pool,
      actor: writer,
      id,
      params,
      format: 'sql',
      baseUrl: '',
    });
    expect(sql.body).toContain('SELECT id AS ticket');
    expect(
      await refusal(
        exportReport({ db: t.db, pool, actor: stranger, id, params, format: 'csv', baseUrl: '' }),
      ),
    ).toBe('REPORT_VIEW');
  });
});
