import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import pg from 'pg';

/** The role web and learn-api connect as (created by the application_role migration). */
export const APPLICATION_ROLE = 'learntrac_app';

const SCRAM_ITERATIONS = 4096;

/**
 * A SCRAM-SHA-256 verifier for `password`, the form PostgreSQL stores: given one, ALTER ROLE
 * stores it as it is, so the password itself never reaches the server's statement log.
 */
export function scramVerifier(password: string, salt = randomBytes(16)): string {
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, SCRAM_ITERATIONS, 32, 'sha256');
  const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();
  const storedKey = createHash('sha256').update(hmac(salted, 'Client Key')).digest();
  const serverKey = hmac(salted, 'Server Key');
  return `SCRAM-SHA-256$${SCRAM_ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/**
 * Lets `role` (the application role unless another is named) sign in with `password`. Run with
 * the migrating role's connection after the migrations; repeating it with a new password rotates
 * it (connections already open keep working).
 */
export async function setRolePassword(options: {
  databaseUrl: string;
  password: string;
  role?: string;
}): Promise<void> {
  if (options.password.length < 16) {
    throw new Error('The application role password must have at least 16 characters');
  }
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const role = client.escapeIdentifier(options.role ?? APPLICATION_ROLE);
    const verifier = client.escapeLiteral(scramVerifier(options.password));
    await client.query(`ALTER ROLE ${role} WITH LOGIN PASSWORD ${verifier}`);
  } finally {
    await client.end();
  }
}

/** The connection URL of `databaseUrl`'s database for the application role. */
export function applicationDatabaseUrl(options: { databaseUrl: string; password: string }): string {
  const url = new URL(options.databaseUrl);
  url.username = APPLICATION_ROLE;
  url.password = encodeURIComponent(options.password);
  return url.toString();
}
