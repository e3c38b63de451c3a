/**
 * What reaching the database costs a page: runs the reads of the ticket page and of two query
 * pages (a status filter, a custom-field filter) in this process, one request after another,
 * once through node-postgres (the app's read path) and once through Prisma's raw queries, and
 * prints per request the CPU milliseconds, the elapsed milliseconds and the statements sent.
 * Seeds its own database per size on TEST_DATABASE_URL's server (kept for the next run).
 *
 *   pnpm --filter @learntrac/web bench:db-path [--tickets 2000] [--requests 300]
 */
import { register } from 'node:module';
import { parseArgs } from 'node:util';
import { createPrismaClient } from '@learntrac/db';
import { loadPermissions, type PermissionGrant } from '@learntrac/db/permissions';
import pg from 'pg';
import type { Database, Queryable, SqlQuery } from '@/core/db/database';
import type { Viewer } from '@/core/feature';

// Server modules import `server-only`, which refuses to load outside React's server build; here
// it loads as the empty module it is there. Client components (the admin forms the features
// list) need React's full build, so the app's modules are imported after this.
const emptyModule = 'data:text/javascript,export%20{}';
register(
  `data:text/javascript,${encodeURIComponent(
    `export async function resolve(specifier, context, next) {
      return specifier === 'server-only'
        ? { url: '${emptyModule}', shortCircuit: true }
        : next(specifier, context);
    }`,
  )}`,
);
const { createDatabase, sql } = await import('@/core/db/database');
const { readSiteConfig } = await import('@/core/db/site-config');
const { loadQueryFields } = await import('@/features/query/load-query-fields');
const { queryFromParams } = await import('@/features/query/query-from-params');
const { runTicketQuery } = await import('@/features/query/run-ticket-query');
const { loadCustomFields } = await import('@/features/ticket/custom-fields');
const { getTicket } = await import('@/features/ticket/get-ticket');
const { loadTicketOptions } = await import('@/features/ticket/ticket-options');
const { loadWorkflow } = await import('@/features/ticket/workflow/load-workflow');
const { seedTickets } = await import('./bench-tickets/seed-tickets');
const { renderWikiTexts } = await import('@/composition/render-wiki-text');

const { values: args } = parseArgs({
  options: {
    tickets: { type: 'string', default: '2000' },
    requests: { type: 'string', default: '300' },
  },
});
const tickets = Number(args.tickets);
const requests = Number(args.requests);
const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) throw new Error('TEST_DATABASE_URL must name a PostgreSQL server');
if (!Number.isSafeInteger(tickets) || tickets < 1)
  throw new Error('--tickets takes a whole number');
// One database per size, so measuring another size does not re-seed the last one.
const databaseName = `learntrac_bench_db_path_${tickets}`;
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${databaseName}` }).toString();

async function ensureDatabase() {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${databaseName}`);
  } finally {
    await admin.end();
  }
  await seedTickets({ databaseUrl, tickets, wikiPages: 50, log: () => {} });
}

const viewer: Viewer = {
  name: 'ana',
  permissions: new Set(['TICKET_VIEW', 'TICKET_APPEND', 'WIKI_VIEW', 'MILESTONE_VIEW']),
};

// As the ticket page reads: permissions and site settings through the site-config cache.
async function ticketPage(db: Queryable, id: number) {
  await readSiteConfig({
    db,
    name: 'permissions:ana',
    load: () =>
      loadPermissions({
        db: {
          $queryRaw: (strings, ...values) => db.query<PermissionGrant>(sql(strings, ...values)),
        },
        subject: { username: 'ana', groups: [] },
      }),
  });
  const ticket = await getTicket({ db, id });
  if (!ticket) throw new Error(`ticket #${id} is missing`);
  await Promise.all([
    readSiteConfig({ db, name: 'ticket-options', load: () => loadTicketOptions({ db }) }),
    readSiteConfig({ db, name: 'custom-fields', load: () => loadCustomFields({ db }) }),
    readSiteConfig({ db, name: 'workflow', load: () => loadWorkflow({ db }) }),
  ]);
  const context = { realm: 'ticket', id: String(id) };
  await renderWikiTexts({
    db,
    viewer,
    texts: [ticket.description ?? '', ...ticket.changes.map((c) => c.newvalue ?? '')].map(
      (text) => ({ text, context }),
    ),
  });
}

async function queryPage(db: Queryable, params: string) {
  const fields = await loadQueryFields({ db });
  const query = queryFromParams(new URLSearchParams(params), fields);
  const result = await runTicketQuery({ db, query, fields, user: 'ana' });
  await renderWikiTexts({
    db,
    viewer,
    texts: result.rows.map((row) => ({
      text: String(row.summary ?? ''),
      context: { realm: 'ticket', id: String(row.id) },
    })),
    flavour: 'oneliner',
  });
}

interface CountingReads extends Queryable {
  sent: number;
  /** Reads of the site-config version: none while the database's announcement is heard, else
   * once per request in the app (React keeps it for the request) and once per setting here. */
  versionChecks: number;
}

/** A database that counts the statements sent through it. */
function countStatements(db: Queryable): CountingReads {
  const counting = {
    // The settings' announced version, as the app's database has it (see site-config).
    ...('settingsVersion' in db ? { settingsVersion: (db as Database).settingsVersion } : {}),
    sent: 0,
    versionChecks: 0,
    query<Row>(query: SqlQuery) {
      counting.sent += 1;
      if (query.text.includes('site_config_version')) counting.versionChecks += 1;
      return db.query<Row>(query);
    },
  };
  return counting;
}

/** CPU and elapsed milliseconds and statements per call of `run`, after a warm-up. */
async function measure(db: CountingReads, run: (i: number) => Promise<unknown>): Promise<string> {
  for (let i = 0; i < 30; i += 1) await run(i);
  const sentBefore = db.sent;
  const checksBefore = db.versionChecks;
  const started = performance.now();
  const start = process.cpuUsage();
  for (let i = 0; i < requests; i += 1) await run(i);
  const used = process.cpuUsage(start);
  const elapsed = (performance.now() - started) / requests;
  const cpu = (used.user + used.system) / 1000 / requests;
  const statements = (db.sent - sentBefore) / requests;
  const checks = (db.versionChecks - checksBefore) / requests;
  return `${cpu.toFixed(2)} / ${elapsed.toFixed(2)} / ${statements.toFixed(1)} (${checks.toFixed(1)})`;
}

await ensureDatabase();
const prisma = createPrismaClient(databaseUrl, { maxConnections: 4 });
const prismaReads: Queryable = {
  query: (query: SqlQuery) => prisma.$queryRawUnsafe(query.text, ...query.values),
};
const database = createDatabase({ url: databaseUrl, maxConnections: 4 });
const paths: [string, CountingReads][] = [
  ['Prisma raw queries', countStatements(prismaReads)],
  ['node-postgres', countStatements(database)],
];
const ticketId = (i: number) => 1 + ((i * 7919) % tickets);
const rows: string[][] = [];
for (const [name, db] of paths) {
  rows.push([
    name,
    await measure(db, () => db.query(sql`SELECT 1`)),
    await measure(db, (i) => ticketPage(db, ticketId(i))),
    await measure(db, () => queryPage(db, 'status=!closed&order=priority')),
    await measure(db, () => queryPage(db, 'customer=Umbrella&estimate=2&order=id')),
  ]);
}
await prisma.$disconnect();
await database.close();

console.log(
  `CPU ms / elapsed ms / statements (of them settings-version checks) per request, ${requests} requests each, ${tickets} tickets, one at a time`,
);
console.log(
  ['path', 'SELECT 1', 'ticket page reads', 'query: open by priority', 'query: custom fields'].join(
    '\t',
  ),
);
for (const row of rows) console.log(row.join('\t'));
