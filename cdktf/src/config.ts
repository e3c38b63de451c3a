import { z } from 'zod';

/**
 * Everything that differs between environments, decided at synthesis time. Image tags are
 * not here: they change on every deploy, so the stack takes them as a Terraform variable.
 * Nothing secret belongs in this schema; secrets live in Secrets Manager.
 */
export const EnvironmentConfigSchema = z.object({
  name: z.enum(['dev', 'prod']),
  region: z.string().regex(/^[a-z]{2}-[a-z]+-\d$/, 'an AWS region such as us-east-1'),
  /** Public host name the ALB (or CloudFront) answers on. */
  domainName: z.string().min(3),
  /** When set, certificate validation records and the alias record are created in this zone. */
  hostedZoneId: z.string().optional(),
  vpcCidr: z.string().regex(/^\d+\.\d+\.0\.0\/16$/, 'a /16 CIDR such as 10.40.0.0/16'),
  /** One NAT gateway per zone for availability (prod), or one shared NAT to save cost (dev). */
  natGatewayPerZone: z.boolean(),
  /** Extra CIDR allowed to reach PostgreSQL (e.g. an operator VPN); empty means none. */
  operatorCidr: z
    .string()
    .regex(/^(\d+\.){3}\d+\/\d+$/, 'a CIDR such as 203.0.113.10/32')
    .or(z.literal(''))
    .default(''),
  enableWaf: z.boolean(),
  enableCloudFront: z.boolean(),
  alarmEmail: z.string().email().or(z.literal('')).default(''),
  callbackUrls: z.array(z.string().url()).min(1),
  logoutUrls: z.array(z.string().url()).min(1),
  /** Prefix of the Cognito hosted UI domain (<prefix>.auth.<region>.amazoncognito.com). */
  authDomainPrefix: z.string().regex(/^[a-z0-9-]{3,63}$/),
  mfa: z.enum(['OFF', 'OPTIONAL', 'ON']),
  multiAz: z.boolean(),
  deletionProtection: z.boolean(),
  dbInstanceClass: z.string(),
  dbAllocatedStorageGb: z.number().int().min(20),
  cacheNodeType: z.string(),
  logRetentionDays: z.number().int().positive(),
  /** Fargate sizes per task (CPU units, MiB). */
  taskCpu: z.number().int(),
  taskMemoryMiB: z.number().int(),
  minTasks: z.number().int().min(1),
  maxTasks: z.number().int().min(1),
  /** Days before backups and exports move to archive storage. */
  archiveAfterDays: z.number().int().min(1),
});

export type EnvironmentConfig = z.infer<typeof EnvironmentConfigSchema>;

const devDefaults: z.input<typeof EnvironmentConfigSchema> = {
  name: 'dev',
  region: 'us-east-1',
  domainName: 'dev.learntrac.example.com',
  vpcCidr: '10.40.0.0/16',
  natGatewayPerZone: false,
  enableWaf: false,
  enableCloudFront: false,
  callbackUrls: ['https://dev.learntrac.example.com/api/auth/callback/cognito'],
  logoutUrls: ['https://dev.learntrac.example.com/'],
  authDomainPrefix: 'learntrac-dev',
  mfa: 'OPTIONAL',
  multiAz: false,
  deletionProtection: false,
  dbInstanceClass: 'db.t4g.micro',
  dbAllocatedStorageGb: 20,
  cacheNodeType: 'cache.t4g.micro',
  logRetentionDays: 30,
  taskCpu: 512,
  taskMemoryMiB: 1024,
  minTasks: 1,
  maxTasks: 2,
  archiveAfterDays: 30,
};

const prodDefaults: z.input<typeof EnvironmentConfigSchema> = {
  name: 'prod',
  region: 'us-east-1',
  domainName: 'learntrac.example.com',
  vpcCidr: '10.50.0.0/16',
  natGatewayPerZone: true,
  enableWaf: true,
  enableCloudFront: false,
  callbackUrls: ['https://learntrac.example.com/api/auth/callback/cognito'],
  logoutUrls: ['https://learntrac.example.com/'],
  authDomainPrefix: 'learntrac-prod',
  mfa: 'OPTIONAL',
  multiAz: true,
  deletionProtection: true,
  dbInstanceClass: 'db.t4g.medium',
  dbAllocatedStorageGb: 50,
  cacheNodeType: 'cache.t4g.small',
  logRetentionDays: 90,
  taskCpu: 1024,
  taskMemoryMiB: 2048,
  minTasks: 2,
  maxTasks: 6,
  archiveAfterDays: 30,
};

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
const flag = (value: string) => value === 'true' || value === '1';

/**
 * Operators override the defaults with LEARNTRAC_<ENV>_<SETTING> variables at synthesis
 * time, e.g. LEARNTRAC_PROD_DOMAIN_NAME=learn.example.org. Unknown or malformed values stop
 * synthesis with a message naming the setting.
 */
export function loadEnvironmentConfig(options: {
  name: 'dev' | 'prod';
  env?: NodeJS.ProcessEnv;
}): EnvironmentConfig {
  const env = options.env ?? process.env;
  const prefix = `LEARNTRAC_${options.name.toUpperCase()}_`;
  const read = (key: string) => env[prefix + key];
  const base = options.name === 'dev' ? devDefaults : prodDefaults;
  const overrides: Record<string, unknown> = {};
  const text = {
    REGION: 'region',
    DOMAIN_NAME: 'domainName',
    HOSTED_ZONE_ID: 'hostedZoneId',
    OPERATOR_CIDR: 'operatorCidr',
    ALARM_EMAIL: 'alarmEmail',
    AUTH_DOMAIN_PREFIX: 'authDomainPrefix',
    MFA: 'mfa',
  } as const;
  for (const [key, field] of Object.entries(text)) {
    const value = read(key);
    if (value !== undefined) overrides[field] = value;
  }
  for (const [key, field] of Object.entries({
    ENABLE_WAF: 'enableWaf',
    ENABLE_CLOUDFRONT: 'enableCloudFront',
  })) {
    const value = read(key);
    if (value !== undefined) overrides[field] = flag(value);
  }
  for (const [key, field] of Object.entries({
    CALLBACK_URLS: 'callbackUrls',
    LOGOUT_URLS: 'logoutUrls',
  })) {
    const value = read(key);
    if (value !== undefined) overrides[field] = list(value);
  }
  // A new domain moves the default callback and sign-out URLs with it.
  const domain = read('DOMAIN_NAME');
  if (domain && read('CALLBACK_URLS') === undefined) {
    overrides.callbackUrls = [`https://${domain}/api/auth/callback/cognito`];
  }
  if (domain && read('LOGOUT_URLS') === undefined) {
    overrides.logoutUrls = [`https://${domain}/`];
  }
  const parsed = EnvironmentConfigSchema.safeParse({ ...base, ...overrides });
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${prefix}${String(issue.path.join('.'))}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid ${options.name} configuration: ${problems}`);
  }
  return parsed.data;
}
