import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../client/create-prisma-client.js';
import type { Db } from '../client/db.js';
import { seedSite } from '../seed/seed-site.js';
import { testServerUrl, useTestDatabase } from '../testing/index.js';
import { createTicket } from '../tickets/create-ticket.js';
import { APPLICATION_ROLE, applicationDatabaseUrl, setRolePassword } from './application-role.js';

const serverUrl = testServerUrl();

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The error PostgreSQL gives for `sql`, or null when it runs. */
async function refusal(client: pg.Client, sql: string): Promise<string | null> {
  await client.query('SAVEPOINT probe');
  try {
    await client.query(sql);
    await client.query('RELEASE SAVEPOINT probe');
    return null;
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT probe');
    return (error as Error).message;
  }
}

describe.skipIf(!serverUrl)('the application and report roles', () => {
  const t = useTestDatabase({ prefix: 'lt_roles' });
  // The application role's password is one for the whole server, which other test runs share:
  // the tests sign in as a role of their own that is a member of it, with the same rights.
  const login = `lt_app_${randomBytes(5).toString('hex')}`;
  const password = randomBytes(18).toString('base64url');
  let appUrl: string;
  let appDb: Db;

  beforeAll(async () => {
    await withClient(t.url, (c) =>
      c.query(`CREATE ROLE ${login} LOGIN IN ROLE ${APPLICATION_ROLE}`),
    );
    await setRolePassword({ databaseUrl: t.url, role: login, password });
    appUrl = applicationDatabaseUrl({ databaseUrl: t.url, password });
    appUrl = appUrl.replace(`${APPLICATION_ROLE}:`, `${login}:`);
    appDb = createPrismaClient(appUrl);
  });
  afterAll(async () => {
    await appDb?.$disconnect();
    await withClient(t.url, async (c) => {
      await c.query(`DROP SCHEMA IF EXISTS pgboss CASCADE`);
      await c.query(`DROP OWNED BY ${login}`);
    });
    await withClient(serverUrl!, (c) => c.query(`DROP ROLE IF EXISTS ${login}`));
  });

  it('signs the application in with the password set from outside, and it is no superuser', async () => {
    await withClient(appUrl, async (c) => {
      const { rows } = await c.query(
        'SELECT session_user AS who, (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AS superuser',
      );
      expect(rows[0]).toEqual({ who: login, superuser: false });
    });
    // Stored as a SCRAM verifier, never as the password itself. (The test server trusts local
    // connections, so a wrong password is refused only where authentication is on, as in the
    // embedded database of ./dev/start.)
    await withClient(t.url, async (c) => {
      const { rows } = await c.query('SELECT rolpassword FROM pg_authid WHERE rolname = $1', [
        login,
      ]);
      expect(rows[0].rolpassword).toMatch(/^SCRAM-SHA-256\$4096:[^$]+\$[^:]+:.+$/);
      expect(rows[0].rolpassword).not.toContain(password);
    });
  });

  it('lets the application seed the site, write tickets and take its locks', async () => {
    await seedSite({ db: appDb });
    const ticket = await createTicket({ db: appDb, author: 'alice', fields: { summary: 'Works' } });
    expect(ticket.id).toBeGreaterThan(0);
    await withClient(appUrl, async (c) => {
      await c.query('BEGIN');
      expect(await refusal(c, "SELECT pg_advisory_xact_lock(hashtext('wiki:WikiStart'))")).toBe(
        null,
      );
      expect(await refusal(c, 'SET LOCAL ROLE learntrac_report')).toBe(null);
      await c.query('ROLLBACK');
    });
  });

  it('keeps the application out of the schema and the migration record', async () => {
    await withClient(appUrl, async (c) => {
      await c.query('BEGIN');
      expect(await refusal(c, 'CREATE TABLE public.intruder (x int)')).toMatch(
        /permission denied for schema public/,
      );
      expect(await refusal(c, 'DROP TABLE ticket')).toMatch(/must be owner of table ticket/);
      expect(await refusal(c, 'SELECT * FROM _prisma_migrations')).toMatch(
        /permission denied for table _prisma_migrations/,
      );
      expect(await refusal(c, 'ALTER TABLE wiki ADD COLUMN x int')).toMatch(/must be owner/);
      await c.query('ROLLBACK');
    });
  });

  it('lets the application create the job queue schema, which it then owns', async () => {
    await withClient(appUrl, async (c) => {
      await c.query('CREATE SCHEMA IF NOT EXISTS pgboss');
      await c.query('CREATE TABLE pgboss.probe (id int)');
      await c.query('DROP SCHEMA pgboss CASCADE');
    });
  });

  it('refuses the report role every lock, sleep, signal and setting function', async () => {
    await withClient(appUrl, async (c) => {
      await c.query('BEGIN READ ONLY');
      await c.query('SET LOCAL ROLE learntrac_report');
      for (const [sql, name] of [
        ["SELECT pg_advisory_xact_lock(hashtext('wiki:WikiStart'))", 'pg_advisory_xact_lock'],
        ['SELECT pg_try_advisory_lock(1)', 'pg_try_advisory_lock'],
        ['SELECT pg_advisory_lock_shared(1, 2)', 'pg_advisory_lock_shared'],
        ['SELECT pg_sleep(0)', 'pg_sleep'],
        ["SELECT pg_sleep_for('1 ms')", 'pg_sleep_for'],
        ['SELECT pg_terminate_backend(pg_backend_pid())', 'pg_terminate_backend'],
        ['SELECT pg_cancel_backend(1)', 'pg_cancel_backend'],
        ["SELECT set_config('role', 'none', true)", 'set_config'],
        ["SELECT pg_notify('jobs', 'x')", 'pg_notify'],
        ["SELECT query_to_xml('SELECT 1', false, false, '')", 'query_to_xml'],
      ]) {
        expect(await refusal(c, sql!), sql).toBe(`permission denied for function ${name}`);
      }
      // What reports do need still works.
      expect(
        await refusal(c, "SELECT count(*), now(), coalesce(max(summary), '') FROM ticket"),
      ).toBe(null);
      await c.query('ROLLBACK');
    });
  });
});
