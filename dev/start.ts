import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applicationDatabaseUrl } from '@learntrac/db/roles';
import { seededUsers } from './oidc/users.js';
import { type Service, Supervisor } from './supervisor.js';

// Starts the whole product locally: embedded PostgreSQL, migrations and seeds, the
// OpenID Connect issuer standing in for Cognito, learn-api and web. Migrations run as the
// database's owner; the services connect as the least-privilege application role. Once all
// are up, a service that crashes is reported and restarted (see supervisor.ts); Ctrl-C stops
// them in reverse order and waits for each.

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
// LEARNTRAC_DATA_DIR lets a second stack (the fault test's) keep its secrets and logs apart.
const dataDir = process.env.LEARNTRAC_DATA_DIR
  ? resolve(process.env.LEARNTRAC_DATA_DIR)
  : join(root, '.data');
const logDir = join(dataDir, 'logs');
const streamLogs = process.argv.includes('--logs');

// The browser tests run a second stack on other ports, so these can be moved.
function portSetting(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name} must be a port number, not "${value}"`);
  }
  return port;
}

const ports = {
  web: portSetting('WEB_PORT', 8000),
  learnApi: portSetting('LEARN_API_PORT', 8001),
  issuer: portSetting('ISSUER_PORT', 8002),
  database: portSetting('EMBEDDED_DB_PORT', 54329),
};
const urls = {
  web: `http://localhost:${ports.web}`,
  learnApi: `http://localhost:${ports.learnApi}`,
  issuer: `http://localhost:${ports.issuer}`,
};

let shuttingDown = false;
const startedAt = Date.now();

function say(message: string): void {
  console.log(`[start] ${message}`);
}

function elapsed(): string {
  return `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
}

interface LocalSecrets {
  nextauthSecret: string;
  clientSecret: string;
  /** The application database role's password (learntrac_app). */
  databaseAppPassword: string;
}

/** Settings generated on the first run and kept, so sessions survive restarts. */
async function loadLocalSecrets(): Promise<LocalSecrets> {
  const file = join(dataDir, 'local-secrets.json');
  const kept: Partial<LocalSecrets> = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text))
    .catch(() => ({}));
  const secrets: LocalSecrets = {
    nextauthSecret: kept.nextauthSecret ?? randomBytes(32).toString('base64url'),
    clientSecret: kept.clientSecret ?? randomBytes(24).toString('base64url'),
    databaseAppPassword: kept.databaseAppPassword ?? randomBytes(24).toString('base64url'),
  };
  if (JSON.stringify(kept) !== JSON.stringify(secrets)) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  return secrets;
}

async function portInUse(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

const supervisor = new Supervisor({
  logDir,
  streamLogs,
  say,
  onFatal: (message) => {
    console.error(`[start] ${message}`);
    void shutDown(1);
  },
});

async function shutDown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    say('stopping…');
    await supervisor.stopAll();
    say('stopped');
  }
  process.exit(code);
}

/** Waits for `check` to succeed while the service is still running. */
async function waitUntil(
  service: Service,
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  service.exited.then(() => {
    exited = true;
  });
  const { name } = service.spec;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${name} exited before ${what}\n${supervisor.tailOf(name)}`);
    if (await check().catch(() => false)) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${name}: no ${what} after ${timeoutMs / 1000} s\n${supervisor.tailOf(name)}`);
}

async function httpOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  await response.body?.cancel();
  return response.ok;
}

async function waitForHealth(service: Service, baseUrl: string, timeoutMs: number) {
  await waitUntil(
    service,
    `/healthz answer at ${baseUrl}`,
    () => httpOk(`${baseUrl}/healthz`),
    timeoutMs,
  );
  await waitUntil(
    service,
    `/readyz answer at ${baseUrl}`,
    () => httpOk(`${baseUrl}/readyz`),
    timeoutMs,
  );
}

async function runToCompletion(options: {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}): Promise<void> {
  const log = createWriteStream(join(logDir, `${options.name}.log`), { flags: 'w' });
  const child = spawn(options.command, options.args, {
    cwd: root,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  log.end();
  if (code !== 0) {
    throw new Error(`${options.name} failed (exit ${code}):\n${supervisor.tailOf(options.name)}`);
  }
}

async function main(): Promise<void> {
  await mkdir(logDir, { recursive: true });
  if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));

  for (const [name, port] of Object.entries(ports)) {
    if (name === 'database' && process.env.DATABASE_URL) continue;
    if (await portInUse(port)) {
      throw new Error(`port ${port} (${name}) is already in use; stop whatever holds it first`);
    }
  }

  const secrets = await loadLocalSecrets();
  const tsx = ['--import', 'tsx'];
  const base: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

  // The Cognito stand-in needs nothing else, so it starts while the database comes up.
  const issuer = supervisor.launch({
    name: 'oidc',
    command: process.execPath,
    args: [...tsx, 'oidc/cli.ts'],
    cwd: join(root, 'dev'),
    env: {
      ...base,
      OIDC_PORT: String(ports.issuer),
      OIDC_KEYS_FILE: join(dataDir, 'oidc', 'signing-keys.json'),
      COGNITO_ISSUER: urls.issuer,
      COGNITO_CLIENT_ID: 'learntrac-web',
      COGNITO_CLIENT_SECRET: secrets.clientSecret,
      NEXTAUTH_URL: urls.web,
    },
  });

  // 1. Database: the embedded one unless DATABASE_URL points elsewhere.
  let databaseUrl = process.env.DATABASE_URL ?? '';
  if (databaseUrl) {
    say('using the PostgreSQL database given by DATABASE_URL');
  } else {
    const database = supervisor.launch({
      name: 'postgres',
      command: process.execPath,
      args: [...tsx, 'embedded-db/cli.ts'],
      cwd: join(root, 'dev'),
      env: {
        ...base,
        EMBEDDED_DB_DIR: join(dataDir, 'postgres'),
        EMBEDDED_DB_PORT: String(ports.database),
      },
      // PostgreSQL's fast shutdown; the wrapper passes it on and waits.
      stopSignal: 'SIGINT',
    });
    database.child.stdout?.on('data', (chunk: Buffer) => {
      const ready = /^ready (\S+)/m.exec(chunk.toString('utf8'));
      if (ready?.[1]) databaseUrl = ready[1];
    });
    await waitUntil(database, 'database', async () => databaseUrl !== '', 60_000);
    say(`PostgreSQL ready on port ${ports.database} (${elapsed()})`);
  }

  // 2. Schema and seed data, as the database's owner; it also sets the password the services'
  // role signs in with.
  await runToCompletion({
    name: 'db-setup',
    command: 'pnpm',
    args: ['--filter', '@learntrac/db', 'run', 'db:setup'],
    env: {
      ...base,
      DATABASE_URL: databaseUrl,
      APPLICATION_DATABASE_PASSWORD: secrets.databaseAppPassword,
    },
  });
  say(`migrations and seed data applied (${elapsed()})`);
  const appDatabaseUrl = applicationDatabaseUrl({
    databaseUrl,
    password: secrets.databaseAppPassword,
  });

  await waitUntil(
    issuer,
    'discovery document',
    () => httpOk(`${urls.issuer}/.well-known/openid-configuration`),
    30_000,
  );
  say(`sign-in (OpenID Connect issuer) ready at ${urls.issuer} (${elapsed()})`);

  const shared = {
    ...base,
    DATABASE_URL: appDatabaseUrl,
    COGNITO_ISSUER: urls.issuer,
  };
  const learnApiEnv = {
    ...shared,
    PORT: String(ports.learnApi),
    COGNITO_CLIENT_IDS: 'learntrac-web',
    CORS_ORIGINS: urls.web,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };

  // 3. The demo course's material, ingested by learn-api's own pipeline, and its approved
  // questions; done once per database. Without it the site still works, so only say so.
  await runToCompletion({
    name: 'demo-course',
    command: 'pnpm',
    args: ['--filter', '@learntrac/learn-api', 'run', 'seed:demo-course'],
    env: learnApiEnv,
  })
    .then(() => say(`demo course ready (${elapsed()})`))
    .catch((error: unknown) => say(`warning: ${error instanceof Error ? error.message : error}`));

  // 4. The two services, started side by side.
  const learnApi = supervisor.launch({
    name: 'learn-api',
    command: 'pnpm',
    args: ['--filter', '@learntrac/learn-api', 'start'],
    cwd: root,
    env: learnApiEnv,
  });
  const web = supervisor.launch({
    name: 'web',
    command: 'pnpm',
    args: ['--filter', '@learntrac/web', 'start'],
    cwd: root,
    env: {
      ...shared,
      PORT: String(ports.web),
      NEXTAUTH_URL: urls.web,
      NEXTAUTH_SECRET: secrets.nextauthSecret,
      COGNITO_CLIENT_ID: 'learntrac-web',
      COGNITO_CLIENT_SECRET: secrets.clientSecret,
      LEARN_API_URL: urls.learnApi,
      // As deployed: idle connections outlive the clients' own, so none is closed as it is reused.
      KEEP_ALIVE_TIMEOUT: '65000',
    },
  });
  await Promise.all([
    waitForHealth(learnApi, urls.learnApi, 90_000).then(() =>
      say(`learn-api ready at ${urls.learnApi} (${elapsed()})`),
    ),
    waitForHealth(web, urls.web, 120_000).then(() =>
      say(`web ready at ${urls.web} (${elapsed()})`),
    ),
  ]);

  const accounts = seededUsers
    .map(
      (user) =>
        `    ${user.email.padEnd(28)} ${user.password.padEnd(22)} ${user.groups.join(', ')}`,
    )
    .join('\n');
  console.log(`
LearnTrac is running (ready in ${elapsed()}).

  Open        ${urls.web}
  learn-api   ${urls.learnApi}/api/learntrac/openapi.json
  sign-in     ${urls.issuer}
  database    ${databaseUrl} (owner; the services sign in as learntrac_app)

  Accounts:
${accounts}

  Logs in ${logDir}${streamLogs ? '' : ' (./dev/start --logs to show them here)'}
  A service that crashes is reported here and restarted.
  Press Ctrl-C to stop.
`);
  supervisor.supervising = true;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void shutDown(0));
}
// Last resort if this process dies some other way: never leave the services running.
process.on('exit', () => supervisor.signalAll());

main().catch(async (error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  await shutDown(1);
});
