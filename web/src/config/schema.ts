import { z } from 'zod';

const url = (what: string) => z.url({ message: `${what} must be an absolute URL` });

/**
 * Every setting the web server reads. Kept free of `server-only` so the unit tests can load it;
 * the server reaches it through `@/config`.
 */
export const ConfigSchema = z.object({
  NEXTAUTH_URL: url('NEXTAUTH_URL (the public address of the web app)'),
  NEXTAUTH_SECRET: z
    .string({ message: 'NEXTAUTH_SECRET is required' })
    .min(32, { message: 'NEXTAUTH_SECRET must be at least 32 characters' }),
  COGNITO_ISSUER: url('COGNITO_ISSUER (the OpenID Connect issuer)'),
  COGNITO_CLIENT_ID: z
    .string({ message: 'COGNITO_CLIENT_ID is required' })
    .min(1, { message: 'COGNITO_CLIENT_ID is required' }),
  COGNITO_CLIENT_SECRET: z
    .string({ message: 'COGNITO_CLIENT_SECRET is required' })
    .min(1, { message: 'COGNITO_CLIENT_SECRET is required' }),
  // Cognito's discovery document has no end_session_endpoint; its hosted UI domain serves /logout.
  COGNITO_DOMAIN: url('COGNITO_DOMAIN (the hosted UI domain)').optional(),
  DATABASE_URL: z
    .string({ message: 'DATABASE_URL is required' })
    .regex(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' }),
  LEARN_API_URL: url('LEARN_API_URL (where learn-api listens)'),
  // Connections each web process opens for pages and actions, and for reports (which run on a
  // pool of their own, so slow reports never hold the connections pages need).
  DATABASE_POOL_SIZE: z.coerce
    .number({ message: 'DATABASE_POOL_SIZE must be a number of connections' })
    .int({ message: 'DATABASE_POOL_SIZE must be a whole number' })
    .min(1, { message: 'DATABASE_POOL_SIZE must be at least 1' })
    .default(10),
  REPORT_POOL_SIZE: z.coerce
    .number({ message: 'REPORT_POOL_SIZE must be a number of connections' })
    .int({ message: 'REPORT_POOL_SIZE must be a whole number' })
    .min(1, { message: 'REPORT_POOL_SIZE must be at least 1' })
    .default(4),
  // How long a report waits for a connection before the viewer is told to try again.
  REPORT_CONNECTION_WAIT_MS: z.coerce
    .number({ message: 'REPORT_CONNECTION_WAIT_MS must be a number of milliseconds' })
    .int({ message: 'REPORT_CONNECTION_WAIT_MS must be a whole number of milliseconds' })
    .min(1, { message: 'REPORT_CONNECTION_WAIT_MS must be positive' })
    .default(2_000),
  // Server-side session state (signed-out sessions, users an admin signed out) is kept here so
  // that every web server sees it; without it, in this process.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
    .optional(),
  SECRETS_ID: z.string().min(1).optional(),
  AWS_REGION: z.string().min(1).optional(),
  // Wiki and ticket attachments: a local folder, and the largest file accepted (Trac's default).
  ATTACHMENTS_DIR: z.string().min(1).default('.data/attachments'),
  // When set, attachments live in this S3 bucket instead of ATTACHMENTS_DIR (production).
  // The SDK's own AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL point it at an emulator.
  ATTACHMENTS_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
      message: 'ATTACHMENTS_BUCKET must be an S3 bucket name',
    })
    .optional(),
  ATTACHMENTS_MAX_SIZE: z.coerce
    .number({ message: 'ATTACHMENTS_MAX_SIZE must be a number of bytes' })
    .int({ message: 'ATTACHMENTS_MAX_SIZE must be a whole number of bytes' })
    .positive({ message: 'ATTACHMENTS_MAX_SIZE must be positive' })
    .default(262_144),
  // The largest course material file accepted; learn-api reads the same variable.
  UPLOAD_MAX_BYTES: z.coerce
    .number({ message: 'UPLOAD_MAX_BYTES must be a number of bytes' })
    .int({ message: 'UPLOAD_MAX_BYTES must be a whole number of bytes' })
    .min(1024, { message: 'UPLOAD_MAX_BYTES must be at least 1024 bytes' })
    .default(50 * 1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid web configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Validates the environment; the error lists each bad setting by name. */
export function parseConfig(env: Env): Config {
  // An empty variable counts as unset, so `FOO=` in a .env file reads as "missing".
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = ConfigSchema.safeParse(present);
  if (result.success) {
    if (result.data.SECRETS_ID && !result.data.AWS_REGION) {
      throw new ConfigError(['AWS_REGION is required when SECRETS_ID is set']);
    }
    if (result.data.ATTACHMENTS_BUCKET && !result.data.AWS_REGION) {
      throw new ConfigError(['AWS_REGION is required when ATTACHMENTS_BUCKET is set']);
    }
    return result.data;
  }
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'configuration');
    if (!(name in present)) return `${name} is required`;
    return issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}
