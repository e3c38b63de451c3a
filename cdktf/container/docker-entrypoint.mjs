// Entrypoint of the web and learn-api images. ECS injects the connection parts that the
// stack names (DATABASE_HOST; DATABASE_USER and DATABASE_PASSWORD from the application role's
// secret, or for the migration task the RDS-managed master secret; REDIS_HOST, REDIS_AUTH_TOKEN,
// ...); the services read URLs. This joins the parts
// into DATABASE_URL and REDIS_URL (unless those are set), then runs the given script, or
// with `migrate` applies the database migrations shipped in @learntrac/db and sets the
// application role's password (APPLICATION_DATABASE_PASSWORD).
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const env = process.env;
if (!env.DATABASE_URL && env.DATABASE_HOST) {
  const user = encodeURIComponent(env.DATABASE_USER ?? '');
  const password = encodeURIComponent(env.DATABASE_PASSWORD ?? '');
  const port = env.DATABASE_PORT ?? '5432';
  const name = env.DATABASE_NAME ?? 'postgres';
  // The images trust the RDS certificate authority through NODE_EXTRA_CA_CERTS.
  env.DATABASE_URL = `postgres://${user}:${password}@${env.DATABASE_HOST}:${port}/${name}?sslmode=verify-full`;
}
if (!env.REDIS_URL && env.REDIS_HOST) {
  const scheme = env.REDIS_TLS === 'true' ? 'rediss' : 'redis';
  const auth = env.REDIS_AUTH_TOKEN ? `:${encodeURIComponent(env.REDIS_AUTH_TOKEN)}@` : '';
  env.REDIS_URL = `${scheme}://${auth}${env.REDIS_HOST}:${env.REDIS_PORT ?? '6379'}`;
}

// The script sees the same argv it would without this wrapper.
const [target] = process.argv.splice(2, 1);
if (!target) {
  console.error('usage: docker-entrypoint.mjs <script.js | migrate> [args...]');
  process.exit(2);
}
if (target === 'migrate') {
  // Runs as the master user (the schema's owner). Every run also (re)sets the application
  // role's password from its secret, so creating or rotating that secret takes effect here.
  const { applyMigrations } = await import('@learntrac/db/migrate');
  const result = await applyMigrations(env.DATABASE_URL);
  console.log(JSON.stringify({ level: 'info', msg: 'migrations applied', ...result }));
  if (env.APPLICATION_DATABASE_PASSWORD) {
    const { setRolePassword } = await import('@learntrac/db/roles');
    await setRolePassword({
      databaseUrl: env.DATABASE_URL,
      password: env.APPLICATION_DATABASE_PASSWORD,
    });
    console.log(JSON.stringify({ level: 'info', msg: 'application role password set' }));
  }
} else {
  process.argv[1] = path.resolve(target);
  await import(pathToFileURL(process.argv[1]).href);
}
