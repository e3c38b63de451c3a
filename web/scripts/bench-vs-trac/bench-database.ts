import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createPrismaClient } from '@learntrac/db';
import { applyMigrations } from '@learntrac/db/migrate';
import { APPLICATION_ROLE, applicationDatabaseUrl, setRolePassword } from '@learntrac/db/roles';
import { seedSite } from '@learntrac/db/seed';
import pg from 'pg';
import { createDatabase } from '../../src/core/db/database';
import { saveCustomField } from '../../src/features/ticket/admin/custom-field-admin';

const run = promisify(execFile);

export interface BenchDatabase {
  /** The database for the web server, signed in as a member of the application role. */
  appUrl: string;
  /** Drops the database and the sign-in role. */
  drop(): Promise<void>;
}

function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates `name` afresh on the server (dropping an earlier one), migrates it and writes the site
 * defaults as a new site gets them, loads the kit's tickets with its `seed_pg.py`, and defines the
 * data set's two custom fields through the admin's own verb. The web server signs in as a role
 * of its own that is a member of the application role: the application role's password belongs
 * to the whole server, which others share.
 */
export async function createBenchDatabase(options: {
  serverUrl: string;
  name: string;
  tickets: number;
  anchorDir: string;
  python: string;
  log: (message: string) => void;
}): Promise<BenchDatabase> {
  const { serverUrl, name } = options;
  const ownerUrl = databaseUrlFor(serverUrl, name);
  const login = `${name}_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(18).toString('base64url');
  const drop = async () => {
    await withClient(serverUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(login)}`);
    });
  };

  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
  try {
    await applyMigrations(ownerUrl);
    const db = createPrismaClient(ownerUrl);
    const web = createDatabase({ url: ownerUrl, maxConnections: 2 });
    try {
      await seedSite({ db });
      options.log(`loading ${options.tickets} tickets with seed_pg.py`);
      await run(options.python, [
        join(options.anchorDir, 'seed_pg.py'),
        ownerUrl,
        String(options.tickets),
      ]);
      // The kit's custom fields: `course`, a select, and `difficulty` as text (a new site has a
      // select of that name, which is edited rather than added).
      const admin = { db: web, permissions: new Set(['TRAC_ADMIN']) };
      await saveCustomField({
        ...admin,
        form: {
          name: 'course',
          type: 'select',
          label: 'Course',
          options: Array.from({ length: 20 }, (_, i) => `course${i}`).join('\n'),
        },
      });
      await saveCustomField({
        ...admin,
        originalName: 'difficulty',
        form: { name: 'difficulty', type: 'text', label: 'Difficulty' },
      });
    } finally {
      await Promise.all([db.$disconnect(), web.close()]);
    }
    await withClient(ownerUrl, async (client) => {
      await client.query('VACUUM ANALYZE');
      await client.query(
        `CREATE ROLE ${client.escapeIdentifier(login)} LOGIN IN ROLE ${APPLICATION_ROLE}`,
      );
    });
    await setRolePassword({ databaseUrl: ownerUrl, role: login, password });
  } catch (error) {
    await drop();
    throw error;
  }
  const appUrl = new URL(applicationDatabaseUrl({ databaseUrl: ownerUrl, password }));
  appUrl.username = login;
  return { appUrl: appUrl.toString(), drop };
}
