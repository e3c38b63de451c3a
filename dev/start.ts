import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, type WriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededUsers } from './oidc/users.js';

// Starts the whole product locally: embedded PostgreSQL, migrations and seeds, the
// OpenID Connect issuer standing in for Cognito, learn-api and web. Each service runs in
// its own process group so that a stop reaches everything it started; Ctrl-C stops them
// in reverse order and waits for each.

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dataDir = join(root, '.data');
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

interface Service {
  name: string;
  child: ChildProcess;
  log: WriteStream;
  /** Signal that makes it shut down cleanly. */
  stopSignal: NodeJS.Signals;
  exited: Promise<number | null>;
  stopping: boolean;
}

const running: Service[] = [];
let shuttingDown = false;
const startedAt = Date.now();

function say(message: string): void {
  console.log(`[start] ${message}`);
}

function elapsed(): string {
  return `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
}

/** Settings generated on the first run and kept, so sessions survive restarts. */
async function loadLocalSecrets(): Promise<{ nextauthSecret: string; clientSecret: string }> {
  const file = join(dataDir, 'local-secrets.json');
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    const secrets = {
      nextauthSecret: randomBytes(32).toString('base64url'),
      clientSecret: randomBytes(24).toString('base64url'),
    };
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
    return secrets;
  }
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

function tailOf(name: string, lines = 30): string {
  try {
    return readFileSync(join(logDir, `${name}.log`), 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .join('\n');
  } catch {
    return '';
  }
}

function launch(options: {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stopSignal?: NodeJS.Signals;
}): Service {
  const log = createWriteStream(join(logDir, `${options.name}.log`), { flags: 'w' });
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      if (streamLogs) {
        for (const line of chunk.toString('utf8').trimEnd().split('\n')) {
          console.log(`[${options.name}] ${line}`);
        }
      }
    });
  }
  const service: Service = {
    name: options.name,
    child,
    log,
    stopSignal: options.stopSignal ?? 'SIGTERM',
    stopping: false,
    exited: new Promise((done) => {
      child.once('exit', (code, signal) => done(code ?? (signal ? 128 : null)));
      child.once('error', (error) => {
        log.write(`${error.message}\n`);
        done(127);
      });
    }),
  };
  running.push(service);
  service.exited.then((code) => {
    if (!service.stopping && !shuttingDown) {
      console.error(`[start] ${service.name} stopped unexpectedly (exit ${code}). Last lines:`);
      console.error(tailOf(service.name));
      void shutDown(1);
    }
  });
  return service;
}

function signalGroup(service: Service, signal: NodeJS.Signals): void {
  if (service.child.pid === undefined) return;
  try {
    process.kill(-service.child.pid, signal);
  } catch {
    // the group is already gone
  }
}

async function stopService(service: Service): Promise<void> {
  service.stopping = true;
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  signalGroup(service, service.stopSignal);
  const timeout = new Promise<'timeout'>((done) =>
    setTimeout(() => done('timeout'), 15_000).unref(),
  );
  if ((await Promise.race([service.exited, timeout])) === 'timeout') {
    say(`${service.name} did not stop in 15 s; killing it`);
    signalGroup(service, 'SIGKILL');
    await service.exited;
  }
  // Children the service itself left behind in its group.
  signalGroup(service, 'SIGKILL');
  service.log.end();
}

async function shutDown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    say('stopping…');
    for (const service of [...running].reverse()) {
      await stopService(service);
    }
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
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${service.name} exited before ${what}\n${tailOf(service.name)}`);
    if (await check().catch(() => false)) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(
    `${service.name}: no ${what} after ${timeoutMs / 1000} s\n${tailOf(service.name)}`,
  );
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
    throw new Error(`${options.name} failed (exit ${code}):\n${tailOf(options.name)}`);
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
  const issuer = launch({
    name: 'oidc',
    command: process.execPath,
    args: [...tsx, 'oidc/cli.ts'],
    cwd: join(root, 'dev'),
    env: {
      ...base,
      OIDC_PORT: String(ports.issuer),
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
    const database = launch({
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

  // 2. Schema and seed data.
  await runToCompletion({
    name: 'db-setup',
    command: 'pnpm',
    args: ['--filter', '@learntrac/db', 'run', 'db:setup'],
    env: { ...base, DATABASE_URL: databaseUrl },
  });
  say(`migrations and seed data applied (${elapsed()})`);

  await waitUntil(
    issuer,
    'discovery document',
    () => httpOk(`${urls.issuer}/.well-known/openid-configuration`),
    30_000,
  );
  say(`sign-in (OpenID Connect issuer) ready at ${urls.issuer} (${elapsed()})`);

  // 3. The two services, started side by side.
  const shared = {
    ...base,
    DATABASE_URL: databaseUrl,
    COGNITO_ISSUER: urls.issuer,
  };
  const learnApi = launch({
    name: 'learn-api',
    command: 'pnpm',
    args: ['--filter', '@learntrac/learn-api', 'start'],
    cwd: root,
    env: {
      ...shared,
      PORT: String(ports.learnApi),
      COGNITO_CLIENT_IDS: 'learntrac-web',
      CORS_ORIGINS: urls.web,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    },
  });
  const web = launch({
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
  database    ${databaseUrl}

  Accounts:
${accounts}

  Logs in ${logDir}${streamLogs ? '' : ' (./dev/start --logs to show them here)'}
  Press Ctrl-C to stop.
`);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void shutDown(0));
}
// Last resort if this process dies some other way: never leave the services running.
process.on('exit', () => {
  for (const service of running) signalGroup(service, service.stopSignal);
});

main().catch(async (error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  await shutDown(1);
});
