import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { only, resourcesOf, type SynthesisedStack, synthesise } from './testing/synth.js';

let dev: SynthesisedStack;
let prod: SynthesisedStack;
let cleanup: () => void;

beforeAll(() => {
  ({ dev, prod, cleanup } = synthesise());
});
afterAll(() => cleanup());

const count = (stack: SynthesisedStack, type: string) => resourcesOf(stack, type).length;
const values = (stack: SynthesisedStack, type: string) =>
  resourcesOf(stack, type).map(([, resource]) => resource);
const ref = (type: string, id: string, attr = 'id') => `\${${type}.${id}.${attr}}`;
const idOf = (
  stack: SynthesisedStack,
  type: string,
  test: (r: Record<string, unknown>) => boolean,
) => {
  const found = resourcesOf(stack, type).find(([, r]) => test(r));
  if (!found) throw new Error(`no ${type} matches`);
  return found[0];
};
const containers = (stack: SynthesisedStack, family: string) => {
  const task = values(stack, 'aws_ecs_task_definition').find((t) => t.family === family);
  if (!task) throw new Error(`no task definition ${family}`);
  return {
    task,
    containers: JSON.parse(String(task.container_definitions)) as Record<string, unknown>[],
  };
};

/** The `${aws_s3_bucket.x.id}` reference of the bucket whose name prefix contains `part`. */
const bucketNamed = (stack: SynthesisedStack, part: string) =>
  ref(
    'aws_s3_bucket',
    idOf(stack, 'aws_s3_bucket', (b) => String(b.bucket_prefix).includes(`-${part}-`)),
  );
/** The one resource of a bucket-level type (versioning, policy, ...) that belongs to a bucket. */
const ofBucket = (stack: SynthesisedStack, type: string, bucket: string) => {
  const found = values(stack, type).filter((r) => r.bucket === bucket);
  if (found.length !== 1)
    throw new Error(`expected one ${type} for ${bucket}, found ${found.length}`);
  return found[0]!;
};

describe('network', () => {
  it('spans two zones with public and private subnets, an internet gateway and route tables', () => {
    for (const stack of [dev, prod]) {
      const subnets = values(stack, 'aws_subnet');
      const tiers = subnets.map((s) => (s.tags as Record<string, string>).Tier);
      expect(tiers.sort()).toEqual(['private', 'private', 'public', 'public']);
      expect(new Set(subnets.map((s) => s.availability_zone))).toEqual(
        new Set(['us-east-1a', 'us-east-1b']),
      );
      expect(count(stack, 'aws_internet_gateway')).toBe(1);
      expect(count(stack, 'aws_route_table')).toBe(3);
      expect(count(stack, 'aws_route_table_association')).toBe(4);
      expect(subnets.every((s) => s.map_public_ip_on_launch !== true)).toBe(true);
    }
  });

  it('has a NAT gateway per zone in prod and one in dev', () => {
    expect(count(prod, 'aws_nat_gateway')).toBe(2);
    expect(count(dev, 'aws_nat_gateway')).toBe(1);
    const natSubnets = values(prod, 'aws_nat_gateway').map((n) => n.subnet_id);
    const publicIds = resourcesOf(prod, 'aws_subnet')
      .filter(([, s]) => (s.tags as Record<string, string>).Tier === 'public')
      .map(([id]) => ref('aws_subnet', id));
    expect(natSubnets.sort()).toEqual(publicIds.sort());
  });

  it('keeps S3, Secrets Manager, ECR and CloudWatch Logs traffic on VPC endpoints', () => {
    const endpoints = values(prod, 'aws_vpc_endpoint').map((e) => [
      String(e.service_name).replace('com.amazonaws.us-east-1.', ''),
      e.vpc_endpoint_type,
    ]);
    expect(endpoints.sort()).toEqual(
      [
        ['ecr.api', 'Interface'],
        ['ecr.dkr', 'Interface'],
        ['logs', 'Interface'],
        ['s3', 'Gateway'],
        ['secretsmanager', 'Interface'],
      ].sort(),
    );
  });
});

describe('edge', () => {
  it('puts an internet-facing ALB in the public subnets', () => {
    const alb = only(prod, 'aws_lb');
    expect(alb.internal).toBe(false);
    expect(alb.load_balancer_type).toBe('application');
    expect(String(alb.subnets)).toContain('public');
  });

  it('redirects HTTP to HTTPS and serves HTTPS with the ACM certificate for the domain', () => {
    const listeners = values(prod, 'aws_lb_listener');
    const http = listeners.find((l) => l.port === 80)!;
    expect(http.default_action).toEqual([
      expect.objectContaining({
        type: 'redirect',
        redirect: expect.objectContaining({ protocol: 'HTTPS', port: '443' }),
      }),
    ]);
    const https = listeners.find((l) => l.port === 443)!;
    expect(https.protocol).toBe('HTTPS');
    expect(String(https.certificate_arn)).toContain('aws_acm_certificate_validation');
    const certificate = only(prod, 'aws_acm_certificate');
    expect(certificate.domain_name).toBe('learntrac.example.com');
    expect(certificate.validation_method).toBe('DNS');
  });

  it('routes /api/learntrac/* to learn-api on 8001 and everything else to web on 8000', () => {
    const groups = resourcesOf(prod, 'aws_lb_target_group');
    const web = groups.find(([, g]) => g.port === 8000)!;
    const api = groups.find(([, g]) => g.port === 8001)!;
    for (const [, group] of groups) {
      expect(group.health_check).toEqual(expect.objectContaining({ path: '/healthz' }));
      expect(group.target_type).toBe('ip');
    }
    const https = values(prod, 'aws_lb_listener').find((l) => l.port === 443)!;
    expect(https.default_action).toEqual([
      expect.objectContaining({
        type: 'forward',
        target_group_arn: ref('aws_lb_target_group', web[0], 'arn'),
      }),
    ]);
    const rule = only(prod, 'aws_lb_listener_rule');
    expect(rule.condition).toEqual([{ path_pattern: { values: ['/api/learntrac/*'] } }]);
    expect(rule.action).toEqual([
      expect.objectContaining({
        type: 'forward',
        target_group_arn: ref('aws_lb_target_group', api[0], 'arn'),
      }),
    ]);
  });

  it('adds WAF with AWS managed rules and CloudFront only when switched on', () => {
    expect(count(dev, 'aws_wafv2_web_acl')).toBe(0);
    expect(count(dev, 'aws_cloudfront_distribution')).toBe(0);
    const acl = only(prod, 'aws_wafv2_web_acl');
    const rules = acl.rule as {
      statement: { managed_rule_group_statement: { vendor_name: string } };
    }[];
    expect(rules.length).toBeGreaterThanOrEqual(3);
    expect(rules.every((r) => r.statement.managed_rule_group_statement.vendor_name === 'AWS')).toBe(
      true,
    );
    expect(count(prod, 'aws_wafv2_web_acl_association')).toBe(1);
    // Attachment uploads are larger than the common rule set's 8 KB body limit.
    const overrides = rules.flatMap(
      (r) =>
        (
          r.statement.managed_rule_group_statement as {
            rule_action_override?: { name: string; action_to_use: unknown }[];
          }
        ).rule_action_override ?? [],
    );
    expect(overrides).toEqual([{ name: 'SizeRestrictions_BODY', action_to_use: { count: {} } }]);

    const withCdn = synthesise({
      LEARNTRAC_DEV_ENABLE_CLOUDFRONT: 'true',
      LEARNTRAC_DEV_ENABLE_WAF: 'true',
      LEARNTRAC_DEV_HOSTED_ZONE_ID: 'Z0123456789ABC',
    });
    try {
      const cdn = only(withCdn.dev, 'aws_cloudfront_distribution');
      expect(cdn.aliases).toEqual(['dev.learntrac.example.com']);
      expect((cdn.origin as { domain_name: string }[])[0]!.domain_name).toBe(
        'origin.dev.learntrac.example.com',
      );
      // CloudFront certificates live in us-east-1, through the aliased provider.
      const certificates = values(withCdn.dev, 'aws_acm_certificate');
      expect(certificates.map((c) => c.provider)).toContain('aws.us_east_1');
      expect(count(withCdn.dev, 'aws_wafv2_web_acl')).toBe(1);
      // With a hosted zone, validation records and alias records are managed too.
      expect(count(withCdn.dev, 'aws_route53_record')).toBe(4);
    } finally {
      withCdn.cleanup();
    }
  });
});

describe('compute', () => {
  it('runs web and learn-api as Fargate services behind their target groups', () => {
    expect(count(prod, 'aws_ecs_cluster')).toBe(1);
    const services = values(prod, 'aws_ecs_service');
    expect(services.map((s) => s.name).sort()).toEqual([
      'learntrac-prod-learn-api',
      'learntrac-prod-web',
    ]);
    for (const service of services) {
      expect(service.launch_type).toBe('FARGATE');
      expect(service.deployment_circuit_breaker).toEqual({ enable: true, rollback: true });
      expect(service.network_configuration).toEqual(
        expect.objectContaining({ assign_public_ip: false }),
      );
    }
  });

  it('logs to CloudWatch groups with retention and injects secrets from Secrets Manager', () => {
    for (const family of ['learntrac-prod-web', 'learntrac-prod-learn-api']) {
      const [container] = containers(prod, family).containers;
      const log = container!.logConfiguration as {
        logDriver: string;
        options: Record<string, string>;
      };
      expect(log.logDriver).toBe('awslogs');
      expect(log.options['awslogs-group']).toContain('aws_cloudwatch_log_group');
      const secrets = container!.secrets as { name: string; valueFrom: string }[];
      expect(secrets.map((s) => s.name)).toEqual(
        expect.arrayContaining(['DATABASE_PASSWORD', 'REDIS_AUTH_TOKEN']),
      );
      expect(secrets.every((s) => s.valueFrom.includes('secret'))).toBe(true);
      const environment = container!.environment as { name: string; value: string }[];
      expect(environment.some((e) => /PASSWORD|SECRET|TOKEN|API_KEY/.test(e.name))).toBe(false);
    }
    const webSecrets = containers(prod, 'learntrac-prod-web').containers[0]!.secrets as {
      name: string;
    }[];
    expect(webSecrets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['NEXTAUTH_SECRET', 'COGNITO_CLIENT_SECRET']),
    );
    const apiSecrets = containers(prod, 'learntrac-prod-learn-api').containers[0]!.secrets as {
      name: string;
    }[];
    expect(apiSecrets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['OPENAI_API_KEY', 'NEO4J_URI', 'NEO4J_PASSWORD']),
    );
  });

  it('runs the images tagged with the image_tag variable and health-checks /healthz', () => {
    const {
      containers: [web],
    } = containers(prod, 'learntrac-prod-web');
    expect(web!.image).toMatch(/aws_ecr_repository\..*repository_url\}:\$\{var\.image_tag\}$/);
    expect(JSON.stringify(web!.healthCheck)).toContain('/healthz');
    expect(prod.json.variable?.image_tag).toBeDefined();
  });

  it('scales each service on CPU and on ALB requests per target', () => {
    expect(count(prod, 'aws_appautoscaling_target')).toBe(2);
    const metrics = values(prod, 'aws_appautoscaling_policy').map(
      (p) =>
        (
          p.target_tracking_scaling_policy_configuration as {
            predefined_metric_specification: { predefined_metric_type: string };
          }
        ).predefined_metric_specification.predefined_metric_type,
    );
    expect(metrics.sort()).toEqual([
      'ALBRequestCountPerTarget',
      'ALBRequestCountPerTarget',
      'ECSServiceAverageCPUUtilization',
      'ECSServiceAverageCPUUtilization',
    ]);
  });

  it('signs the services in as the application role; only the migration task reads the master credentials', () => {
    const secretsOf = (family: string) =>
      Object.fromEntries(
        (
          containers(prod, family).containers[0]!.secrets as { name: string; valueFrom: string }[]
        ).map((s) => [s.name, s.valueFrom]),
      );
    const master = /aws_db_instance\..*master_user_secret/;
    const app = /aws_secretsmanager_secret\.[^.]*database-app[^.]*\.arn\}:(username|password)::$/;
    for (const family of ['learntrac-prod-web', 'learntrac-prod-learn-api']) {
      const secrets = secretsOf(family);
      expect(secrets.DATABASE_USER).toMatch(app);
      expect(secrets.DATABASE_PASSWORD).toMatch(app);
      expect(Object.values(secrets).some((v) => master.test(v))).toBe(false);
      expect(secrets.APPLICATION_DATABASE_PASSWORD).toBeUndefined();
    }
    const migrate = secretsOf('learntrac-prod-migrate');
    expect(migrate.DATABASE_USER).toMatch(master);
    expect(migrate.DATABASE_PASSWORD).toMatch(master);
    expect(migrate.APPLICATION_DATABASE_PASSWORD).toMatch(app);
    // The services' execution roles may not read the master secret at all.
    const policies = values(prod, 'aws_iam_role_policy').map((p) => String(p.policy));
    const withMaster = policies.filter((p) => master.test(p));
    expect(withMaster).toHaveLength(1);
    expect(withMaster[0]).toContain('database-app');
    // The secret names the role the migrations create.
    const version = values(prod, 'aws_secretsmanager_secret_version').find((v) =>
      String(v.secret_id).includes('database-app'),
    );
    expect(String(version?.secret_string)).toContain('learntrac_app');
  });

  it('keeps web idle connections open longer than the load balancer does', () => {
    const environment = containers(prod, 'learntrac-prod-web').containers[0]!.environment as {
      name: string;
      value: string;
    }[];
    const keepAlive = environment.find((e) => e.name === 'KEEP_ALIVE_TIMEOUT');
    expect(Number(keepAlive?.value)).toBeGreaterThan(60_000);
  });

  it('runs one web server process per vCPU of the web task', () => {
    const environment = containers(prod, 'learntrac-prod-web').containers[0]!.environment as {
      name: string;
      value: string;
    }[];
    const workers = environment.find((e) => e.name === 'WEB_WORKERS');
    // prod's tasks have 1 vCPU (1024 CPU units).
    expect(workers?.value).toBe('1');
  });

  it('has a one-off migration task on the learn-api image', () => {
    const {
      task,
      containers: [migrate],
    } = containers(prod, 'learntrac-prod-migrate');
    expect(task.requires_compatibilities).toEqual(['FARGATE']);
    expect(migrate!.command).toEqual(['node', 'docker-entrypoint.mjs', 'migrate']);
    expect(String(migrate!.image)).toContain('learn-api');
    expect(migrate!.portMappings).toBeUndefined();
  });
});

describe('data', () => {
  it('runs PostgreSQL 15, encrypted with KMS, backed up 7 days, private, Multi-AZ and protected in prod', () => {
    const db = only(prod, 'aws_db_instance');
    expect(db.engine).toBe('postgres');
    expect(String(db.engine_version)).toMatch(/^15/);
    expect(db.multi_az).toBe(true);
    expect(db.storage_encrypted).toBe(true);
    expect(String(db.kms_key_id)).toContain('aws_kms_key');
    expect(db.backup_retention_period).toBe(7);
    expect(db.deletion_protection).toBe(true);
    expect(db.publicly_accessible).toBe(false);
    expect(db.manage_master_user_password).toBe(true);
    expect(db.password).toBeUndefined();
    expect(String(db.db_subnet_group_name)).toContain('aws_db_subnet_group');
    expect(String(db.parameter_group_name)).toContain('aws_db_parameter_group');
    const subnetGroup = only(prod, 'aws_db_subnet_group');
    expect(String(subnetGroup.subnet_ids)).toContain('private');
    expect(String(subnetGroup.subnet_ids)).not.toContain('public');
    const parameters = only(prod, 'aws_db_parameter_group');
    expect(parameters.family).toBe('postgres15');

    const devDb = only(dev, 'aws_db_instance');
    expect(devDb.multi_az).toBe(false);
    expect(devDb.deletion_protection).toBe(false);
  });

  it('runs Redis 7 as a replication group with encryption in transit and at rest and an auth token', () => {
    const redis = only(prod, 'aws_elasticache_replication_group');
    expect(redis.engine).toBe('redis');
    expect(String(redis.engine_version)).toMatch(/^7/);
    expect(redis.transit_encryption_enabled).toBe(true);
    expect(redis.at_rest_encryption_enabled).toBe('true');
    expect(String(redis.auth_token)).toContain('aws_secretsmanager_secret_version');
    expect(redis.num_cache_clusters).toBe(2);
    expect(redis.automatic_failover_enabled).toBe(true);
  });
});

describe('identity', () => {
  it('has a user pool with the three groups, a password policy and optional MFA', () => {
    const pool = only(prod, 'aws_cognito_user_pool');
    expect(pool.password_policy).toEqual(expect.objectContaining({ minimum_length: 12 }));
    expect(pool.mfa_configuration).toBe('OPTIONAL');
    expect(
      values(prod, 'aws_cognito_user_group')
        .map((g) => g.name)
        .sort(),
    ).toEqual(['admins', 'instructors', 'learners']);
    expect(only(prod, 'aws_cognito_user_pool_domain').domain).toBe('learntrac-prod');
  });

  it('gives the web a code-flow client with callback and sign-out URLs from configuration', () => {
    const client = only(prod, 'aws_cognito_user_pool_client');
    expect(client.allowed_oauth_flows).toEqual(['code']);
    expect(client.allowed_oauth_flows_user_pool_client).toBe(true);
    expect(client.callback_urls).toEqual([
      'https://learntrac.example.com/api/auth/callback/cognito',
    ]);
    expect(client.logout_urls).toEqual(['https://learntrac.example.com/']);

    const custom = synthesise({
      LEARNTRAC_PROD_DOMAIN_NAME: 'learn.example.org',
      LEARNTRAC_PROD_MFA: 'ON',
    });
    try {
      const other = only(custom.prod, 'aws_cognito_user_pool_client');
      expect(other.callback_urls).toEqual(['https://learn.example.org/api/auth/callback/cognito']);
      expect(only(custom.prod, 'aws_cognito_user_pool').mfa_configuration).toBe('ON');
      expect(only(custom.prod, 'aws_acm_certificate').domain_name).toBe('learn.example.org');
    } finally {
      custom.cleanup();
    }
  });
});

describe('attachments', () => {
  it('keeps attachments in a private bucket of their own, encrypted with the environment key', () => {
    for (const stack of [dev, prod]) {
      const bucket = bucketNamed(stack, 'attachments');
      expect(ofBucket(stack, 'aws_s3_bucket_public_access_block', bucket)).toEqual(
        expect.objectContaining({
          block_public_acls: true,
          block_public_policy: true,
          ignore_public_acls: true,
          restrict_public_buckets: true,
        }),
      );
      expect(ofBucket(stack, 'aws_s3_bucket_ownership_controls', bucket).rule).toEqual({
        object_ownership: 'BucketOwnerEnforced',
      });
      const key = ref(
        'aws_kms_key',
        idOf(stack, 'aws_kms_key', () => true),
        'arn',
      );
      expect(
        ofBucket(stack, 'aws_s3_bucket_server_side_encryption_configuration', bucket).rule,
      ).toEqual([
        expect.objectContaining({
          apply_server_side_encryption_by_default: {
            sse_algorithm: 'aws:kms',
            kms_master_key_id: key,
          },
        }),
      ]);
    }
  });

  it('keeps replaced and deleted files as old versions for 30 days, then removes them', () => {
    const bucket = bucketNamed(prod, 'attachments');
    expect(ofBucket(prod, 'aws_s3_bucket_versioning', bucket).versioning_configuration).toEqual({
      status: 'Enabled',
    });
    const [rule, ...others] = ofBucket(prod, 'aws_s3_bucket_lifecycle_configuration', bucket)
      .rule as Record<string, unknown>[];
    expect(others).toEqual([]);
    expect(rule).toEqual(
      expect.objectContaining({
        status: 'Enabled',
        noncurrent_version_expiration: [{ noncurrent_days: 30 }],
      }),
    );
    expect(rule!.transition).toBeUndefined();
  });

  it('refuses every request to the bucket that does not use TLS', () => {
    const bucket = bucketNamed(prod, 'attachments');
    const policy = JSON.parse(String(ofBucket(prod, 'aws_s3_bucket_policy', bucket).policy));
    expect(policy.Statement).toEqual([
      expect.objectContaining({
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [bucket.replace(/\.id\}$/, '.arn}'), `${bucket.replace(/\.id\}$/, '.arn}')}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    ]);
  });

  it('tells the web container its bucket and region', () => {
    const bucket = bucketNamed(prod, 'attachments');
    const [web] = containers(prod, 'learntrac-prod-web').containers;
    const environment = Object.fromEntries(
      (web!.environment as { name: string; value: string }[]).map((e) => [e.name, e.value]),
    );
    expect(environment.ATTACHMENTS_BUCKET).toBe(bucket.replace(/\.id\}$/, '.bucket}'));
    expect(environment.AWS_REGION).toBe('us-east-1');
    expect(prod.json.output?.attachments_bucket?.value).toBe(environment.ATTACHMENTS_BUCKET);
  });

  it('lets only the web task role touch attachments, with object and list rights on that bucket alone', () => {
    const bucketArn = bucketNamed(prod, 'attachments').replace(/\.id\}$/, '.arn}');
    const grants = values(prod, 'aws_iam_role_policy').filter((p) =>
      String(p.policy).includes(bucketArn),
    );
    expect(grants).toHaveLength(1);
    const webTaskRole = ref(
      'aws_iam_role',
      idOf(prod, 'aws_iam_role', (r) => r.name === 'learntrac-prod-web-task'),
    );
    expect(grants[0]!.role).toBe(webTaskRole);
    const key = ref(
      'aws_kms_key',
      idOf(prod, 'aws_kms_key', () => true),
      'arn',
    );
    expect(JSON.parse(String(grants[0]!.policy)).Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        Resource: [`${bucketArn}/*`],
      },
      { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [bucketArn] },
      { Effect: 'Allow', Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: [key] },
    ]);
  });
});

describe('secrets', () => {
  it('keeps the Redis token, OpenAI key, Neo4j connection, session, client and application database secrets in Secrets Manager', () => {
    const names = values(prod, 'aws_secretsmanager_secret').map((s) => s.name);
    expect(names.sort()).toEqual([
      'learntrac-prod/cognito-client',
      'learntrac-prod/database-app',
      'learntrac-prod/neo4j',
      'learntrac-prod/openai',
      'learntrac-prod/redis-auth',
      'learntrac-prod/session',
    ]);
    // The master database credentials are generated by RDS into its own managed secret.
    expect(String(only(prod, 'aws_db_instance').master_user_secret_kms_key_id)).toContain(
      'aws_kms_key',
    );
  });

  it('generates the Redis token, session secret and application database password inside Terraform and never rewrites them', () => {
    const generated = values(prod, 'aws_secretsmanager_secret_version').filter((v) =>
      String(v.secret_string).includes('uuid()'),
    );
    expect(generated).toHaveLength(3);
    for (const version of generated) {
      expect(version.lifecycle).toEqual({ ignore_changes: ['secret_string'] });
    }
  });

  it('puts nothing secret in variables or outputs', () => {
    for (const stack of [dev, prod]) {
      for (const name of Object.keys(stack.json.variable ?? {})) {
        expect(name).not.toMatch(/password|secret|token|key/i);
      }
      for (const [name, output] of Object.entries(stack.json.output ?? {})) {
        const text = `${name} ${JSON.stringify(output.value)}`;
        expect(text).not.toMatch(/secret_string|auth_token|client_secret|password/i);
      }
    }
  });
});

describe('registry and access', () => {
  it('has ECR repositories that scan on push with lifecycle rules', () => {
    const repos = values(prod, 'aws_ecr_repository');
    expect(repos.map((r) => r.name).sort()).toEqual([
      'learntrac-prod/learn-api',
      'learntrac-prod/web',
    ]);
    for (const repo of repos) {
      expect(repo.image_scanning_configuration).toEqual({ scan_on_push: true });
    }
    expect(count(prod, 'aws_ecr_lifecycle_policy')).toBe(2);
  });

  it('lets each execution role read only the secrets its containers name', () => {
    const policies = resourcesOf(prod, 'aws_iam_role_policy').filter(
      ([, p]) => p.name === 'pull-log-secrets',
    );
    expect(policies).toHaveLength(3);
    const webPolicy = policies.find(([, p]) => String(p.role).includes('web'));
    const statements = JSON.parse(String(webPolicy![1].policy)).Statement as {
      Action: string[];
      Resource: string | string[];
    }[];
    const read = statements.find((s) => s.Action.includes('secretsmanager:GetSecretValue'))!;
    const webSecretNames = ['session', 'cognito-client', 'redis-auth'].map((name) =>
      ref(
        'aws_secretsmanager_secret',
        idOf(prod, 'aws_secretsmanager_secret', (s) => s.name === `learntrac-prod/${name}`),
        'arn',
      ),
    );
    expect(read.Resource).toEqual(expect.arrayContaining(webSecretNames));
    expect(JSON.stringify(read.Resource)).not.toContain('openai');
    expect(JSON.stringify(read.Resource)).not.toContain('neo4j');
  });
});

describe('security groups', () => {
  type Rule = {
    group: string;
    direction: 'in' | 'out';
    port: number;
    peer: string;
  };
  const groupName = (stack: SynthesisedStack, reference: string) => {
    const match = /\$\{aws_security_group\.([^.]+)\.id\}/.exec(reference);
    if (!match) return reference;
    return String(
      (stack.json.resource.aws_security_group?.[match[1]!] as { name: string } | undefined)?.name,
    ).replace(/^learntrac-\w+-/, '');
  };
  const rules = (stack: SynthesisedStack): Rule[] =>
    (
      [
        ['aws_vpc_security_group_ingress_rule', 'in'],
        ['aws_vpc_security_group_egress_rule', 'out'],
      ] as const
    ).flatMap(([type, direction]) =>
      values(stack, type).map((rule) => ({
        group: groupName(stack, String(rule.security_group_id)),
        direction,
        port: rule.from_port as number,
        peer: rule.cidr_ipv4
          ? String(rule.cidr_ipv4)
          : groupName(stack, String(rule.referenced_security_group_id)),
      })),
    );
  const sortRules = (list: Rule[]) =>
    list.map((r) => `${r.group} ${r.direction} ${r.port} ${r.peer}`).sort();

  it('are exactly the design: ALB, tasks, database, cache (and the endpoints from the tasks)', () => {
    expect(sortRules(rules(prod))).toEqual(
      [
        'alb in 80 0.0.0.0/0',
        'alb in 443 0.0.0.0/0',
        'alb out 8000 tasks',
        'alb out 8001 tasks',
        'tasks in 8000 alb',
        'tasks in 8001 alb',
        'tasks out 5432 database',
        'tasks out 6379 cache',
        'tasks out 443 0.0.0.0/0',
        'database in 5432 tasks',
        'cache in 6379 tasks',
        'endpoints in 443 tasks',
      ].sort(),
    );
    for (const group of values(prod, 'aws_security_group')) {
      expect(group.ingress).toBeUndefined();
      expect(group.egress).toBeUndefined();
    }
  });

  it('open the database to the operator CIDR only when one is configured', () => {
    const custom = synthesise({ LEARNTRAC_DEV_OPERATOR_CIDR: '203.0.113.10/32' });
    try {
      expect(sortRules(rules(custom.dev))).toContain('database in 5432 203.0.113.10/32');
      expect(sortRules(rules(dev)).filter((r) => r.startsWith('database in'))).toEqual([
        'database in 5432 tasks',
      ]);
    } finally {
      custom.cleanup();
    }
  });
});

describe('operations', () => {
  it('sends alarms on 5xx rate, unhealthy targets, service CPU/memory, database CPU/storage and cache memory to SNS', () => {
    const alarms = values(prod, 'aws_cloudwatch_metric_alarm');
    const metrics = alarms.map(
      (a) => a.metric_name ?? (a.metric_query as { id: string }[]).map((q) => q.id).join('+'),
    );
    expect(metrics).toEqual(
      expect.arrayContaining([
        expect.stringContaining('errors_target'),
        'UnHealthyHostCount',
        'CPUUtilization',
        'MemoryUtilization',
        'FreeStorageSpace',
        'DatabaseMemoryUsagePercentage',
      ]),
    );
    expect(
      alarms.filter((a) => a.namespace === 'AWS/RDS' && a.metric_name === 'CPUUtilization'),
    ).toHaveLength(1);
    expect(alarms.filter((a) => a.namespace === 'AWS/ECS')).toHaveLength(4);
    const topic = ref(
      'aws_sns_topic',
      idOf(prod, 'aws_sns_topic', () => true),
      'arn',
    );
    expect(alarms.every((a) => (a.alarm_actions as string[]).includes(topic))).toBe(true);
    const withEmail = synthesise({ LEARNTRAC_PROD_ALARM_EMAIL: 'ops@example.com' });
    try {
      expect(only(withEmail.prod, 'aws_sns_topic_subscription').endpoint).toBe('ops@example.com');
    } finally {
      withEmail.cleanup();
    }
  });

  it('keeps backups in a versioned, encrypted, private bucket that moves to archive storage', () => {
    const backups = bucketNamed(prod, 'backups');
    expect(ofBucket(prod, 'aws_s3_bucket_versioning', backups).versioning_configuration).toEqual({
      status: 'Enabled',
    });
    expect(ofBucket(prod, 'aws_s3_bucket_public_access_block', backups)).toEqual(
      expect.objectContaining({
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      }),
    );
    const lifecycle = ofBucket(prod, 'aws_s3_bucket_lifecycle_configuration', backups);
    expect(JSON.stringify(lifecycle.rule)).toContain('GLACIER');
  });

  it('keeps remote state in S3 with locking', () => {
    for (const [stack, env] of [
      [dev, 'dev'],
      [prod, 'prod'],
    ] as const) {
      const s3 = stack.json.terraform.backend.s3!;
      expect(s3.key).toBe(`${env}/terraform.tfstate`);
      expect(s3.encrypt).toBe(true);
      expect(s3.use_lockfile).toBe(true);
    }
  });
});

describe('policy over the whole output', () => {
  it('opens no security group to the world except the ALB on 80 and 443', () => {
    for (const stack of [dev, prod]) {
      const open = resourcesOf(stack, 'aws_vpc_security_group_ingress_rule').filter(
        ([, r]) => r.cidr_ipv4 === '0.0.0.0/0' || r.cidr_ipv6 === '::/0',
      );
      expect(open.map(([, r]) => [String(r.security_group_id), r.from_port, r.to_port])).toEqual([
        [expect.stringContaining('aws_security_group.security-groups_alb'), 80, 80],
        [expect.stringContaining('aws_security_group.security-groups_alb'), 443, 443],
      ]);
      expect(count(stack, 'aws_security_group_rule')).toBe(0);
    }
  });

  it('encrypts every store', () => {
    for (const stack of [dev, prod]) {
      for (const db of values(stack, 'aws_db_instance')) expect(db.storage_encrypted).toBe(true);
      for (const redis of values(stack, 'aws_elasticache_replication_group')) {
        expect(redis.at_rest_encryption_enabled).toBe('true');
        expect(redis.transit_encryption_enabled).toBe(true);
      }
      const buckets = resourcesOf(stack, 'aws_s3_bucket').map(([id]) => ref('aws_s3_bucket', id));
      const encrypted = values(stack, 'aws_s3_bucket_server_side_encryption_configuration').map(
        (c) => c.bucket,
      );
      expect(encrypted.sort()).toEqual(buckets.sort());
      for (const secret of values(stack, 'aws_secretsmanager_secret')) {
        expect(String(secret.kms_key_id)).toContain('aws_kms_key');
      }
      for (const repo of values(stack, 'aws_ecr_repository')) {
        expect(repo.encryption_configuration).toEqual([
          expect.objectContaining({ encryption_type: 'KMS' }),
        ]);
      }
      for (const topic of values(stack, 'aws_sns_topic'))
        expect(topic.kms_master_key_id).toBeTruthy();
      for (const key of values(stack, 'aws_kms_key')) expect(key.enable_key_rotation).toBe(true);
    }
  });

  it('gives every log group a retention', () => {
    for (const stack of [dev, prod]) {
      const groups = values(stack, 'aws_cloudwatch_log_group');
      expect(groups.length).toBeGreaterThanOrEqual(3);
      for (const group of groups) expect(group.retention_in_days).toBeGreaterThan(0);
    }
  });

  it('never makes the database or subnets public and grants no wildcard actions', () => {
    for (const stack of [dev, prod]) {
      for (const db of values(stack, 'aws_db_instance')) expect(db.publicly_accessible).toBe(false);
      for (const policy of values(stack, 'aws_iam_role_policy')) {
        const statements = JSON.parse(String(policy.policy)).Statement as {
          Action: string | string[];
          Resource: string | string[];
        }[];
        for (const statement of statements) {
          const actions = [statement.Action].flat();
          expect(actions.some((a) => a === '*' || a.endsWith(':*'))).toBe(false);
          if ([statement.Resource].flat().includes('*')) {
            expect(actions).toEqual(['ecr:GetAuthorizationToken']);
          }
        }
      }
    }
  });
});
