import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import { S3Backend, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from './config.js';
import { Attachments } from './constructs/attachments.js';
import { Backup } from './constructs/backup.js';
import { Compute, type ContainerSecret } from './constructs/compute.js';
import { DATABASE_NAME, Data } from './constructs/data.js';
import { Edge } from './constructs/edge.js';
import { Identity } from './constructs/identity.js';
import { Network } from './constructs/network.js';
import { Observability } from './constructs/observability.js';
import { Registry } from './constructs/registry.js';
import { Secrets } from './constructs/secrets.js';
import {
  LEARN_API_PORT,
  POSTGRES_PORT,
  REDIS_PORT,
  SecurityGroups,
  WEB_PORT,
} from './constructs/security-groups.js';

export interface StateBackend {
  bucket: string;
  region: string;
}

export interface LearnTracStackProps {
  config: EnvironmentConfig;
  state: StateBackend;
}

/** One environment of LearnTrac: every AWS resource of the production design. */
export class LearnTracStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: LearnTracStackProps) {
    super(scope, id);
    const { config } = props;
    const prefix = `learntrac-${config.name}`;
    const tags = { Project: 'learntrac', Environment: config.name, ManagedBy: 'cdktf' };

    new AwsProvider(this, 'aws', { region: config.region, defaultTags: [{ tags }] });
    const globalProvider = new AwsProvider(this, 'aws-us-east-1', {
      alias: 'us_east_1',
      region: 'us-east-1',
      defaultTags: [{ tags }],
    });

    new S3Backend(this, {
      bucket: props.state.bucket,
      key: `${config.name}/terraform.tfstate`,
      region: props.state.region,
      encrypt: true,
    });
    // Terraform >= 1.10 locks state with a lock object beside it; no DynamoDB table needed.
    this.addOverride('terraform.backend.s3.use_lockfile', true);

    const imageTag = new TerraformVariable(this, 'image_tag', {
      type: 'string',
      description: 'Image tag (the commit SHA) of web and learn-api to run',
    });

    const network = new Network(this, 'network', { config, prefix });
    const groups = new SecurityGroups(this, 'security-groups', {
      prefix,
      vpcId: network.vpc.id,
      endpointSecurityGroupId: network.endpointSecurityGroup.id,
      operatorCidr: config.operatorCidr,
    });
    const secrets = new Secrets(this, 'secrets', {
      prefix,
      deletionProtection: config.deletionProtection,
    });
    const registry = new Registry(this, 'registry', { prefix, kmsKeyArn: secrets.key.arn });
    const data = new Data(this, 'data', {
      config,
      prefix,
      privateSubnetIds: network.privateSubnetIds,
      databaseSecurityGroupId: groups.database.id,
      cacheSecurityGroupId: groups.cache.id,
      kmsKeyArn: secrets.key.arn,
      redisAuthToken: secrets.redisAuthToken,
    });
    const identity = new Identity(this, 'identity', { config, prefix });
    secrets.storeCognitoClientSecret(identity.webClient.clientSecret);
    const backup = new Backup(this, 'backup', {
      prefix,
      kmsKeyArn: secrets.key.arn,
      archiveAfterDays: config.archiveAfterDays,
      deletionProtection: config.deletionProtection,
    });
    const attachments = new Attachments(this, 'attachments', {
      prefix,
      kmsKeyArn: secrets.key.arn,
      deletionProtection: config.deletionProtection,
    });
    const edge = new Edge(this, 'edge', {
      config,
      prefix,
      vpcId: network.vpc.id,
      publicSubnetIds: network.publicSubnetIds,
      albSecurityGroupId: groups.alb.id,
      globalProvider,
    });

    // The services' configuration contract (see docs/operations/deploy.md). The images'
    // entrypoint joins the DATABASE_* and REDIS_* parts into DATABASE_URL and REDIS_URL.
    const appUrl = `https://${config.domainName}`;
    const shared: Record<string, string> = {
      DATABASE_HOST: data.database.address,
      DATABASE_PORT: String(POSTGRES_PORT),
      DATABASE_NAME,
      REDIS_HOST: data.cache.primaryEndpointAddress,
      REDIS_PORT: String(REDIS_PORT),
      REDIS_TLS: 'true',
      COGNITO_ISSUER: identity.issuerUrl,
      AWS_REGION: config.region,
      LOG_LEVEL: 'info',
    };
    // The services sign in as the least-privilege application role; only the migration task
    // reads the master credentials (it owns the schema and sets the application role's password).
    const sharedSecrets: ContainerSecret[] = [
      { name: 'DATABASE_USER', secretArn: secrets.databaseApp.arn, jsonKey: 'username' },
      { name: 'DATABASE_PASSWORD', secretArn: secrets.databaseApp.arn, jsonKey: 'password' },
      { name: 'REDIS_AUTH_TOKEN', secretArn: secrets.redisAuth.arn },
    ];
    const migrationSecrets: ContainerSecret[] = [
      { name: 'DATABASE_USER', secretArn: data.databaseSecretArn, jsonKey: 'username' },
      { name: 'DATABASE_PASSWORD', secretArn: data.databaseSecretArn, jsonKey: 'password' },
      {
        name: 'APPLICATION_DATABASE_PASSWORD',
        secretArn: secrets.databaseApp.arn,
        jsonKey: 'password',
      },
    ];
    const learnApiEnvironment = {
      ...shared,
      // learn-api accepts access tokens issued to these app clients.
      COGNITO_CLIENT_IDS: identity.webClient.id,
      CORS_ORIGINS: appUrl,
      BACKUP_BUCKET: backup.bucket.bucket,
    };
    const learnApiSecrets: ContainerSecret[] = [
      ...sharedSecrets,
      { name: 'OPENAI_API_KEY', secretArn: secrets.openai.arn, jsonKey: 'apiKey' },
      { name: 'NEO4J_URI', secretArn: secrets.neo4j.arn, jsonKey: 'uri' },
      { name: 'NEO4J_USERNAME', secretArn: secrets.neo4j.arn, jsonKey: 'username' },
      { name: 'NEO4J_PASSWORD', secretArn: secrets.neo4j.arn, jsonKey: 'password' },
    ];

    const compute = new Compute(this, 'compute', {
      config,
      prefix,
      privateSubnetIds: network.privateSubnetIds,
      tasksSecurityGroupId: groups.tasks.id,
      imageTag: imageTag.stringValue,
      albArnSuffix: edge.alb.arnSuffix,
      kmsKeyArn: secrets.key.arn,
      backupBucketArn: backup.bucket.arn,
      services: [
        {
          name: 'web',
          port: WEB_PORT,
          imageRepositoryUrl: registry.web.repositoryUrl,
          imageRepositoryArn: registry.web.arn,
          targetGroupArn: edge.webTargetGroup.arn,
          targetGroupArnSuffix: edge.webTargetGroup.arnSuffix,
          environment: {
            ...shared,
            COGNITO_CLIENT_ID: identity.webClient.id,
            NEXTAUTH_URL: appUrl,
            LEARN_API_URL: appUrl,
            COGNITO_DOMAIN: `https://${config.authDomainPrefix}.auth.${config.region}.amazoncognito.com`,
            ATTACHMENTS_BUCKET: attachments.bucket.bucket,
            // Idle connections outlive the ALB's (60 s), so it never reuses one web just closed.
            KEEP_ALIVE_TIMEOUT: '65000',
            // One server process per vCPU the task has: a Node.js process uses one.
            WEB_WORKERS: String(Math.max(1, Math.floor(config.taskCpu / 1024))),
          },
          secrets: [
            ...sharedSecrets,
            { name: 'NEXTAUTH_SECRET', secretArn: secrets.session.arn },
            { name: 'COGNITO_CLIENT_SECRET', secretArn: secrets.cognitoClient.arn },
          ],
        },
        {
          name: 'learn-api',
          port: LEARN_API_PORT,
          imageRepositoryUrl: registry.learnApi.repositoryUrl,
          imageRepositoryArn: registry.learnApi.arn,
          targetGroupArn: edge.learnApiTargetGroup.arn,
          targetGroupArnSuffix: edge.learnApiTargetGroup.arnSuffix,
          environment: learnApiEnvironment,
          secrets: learnApiSecrets,
        },
      ],
      migration: {
        imageRepositoryUrl: registry.learnApi.repositoryUrl,
        imageRepositoryArn: registry.learnApi.arn,
        environment: shared,
        secrets: migrationSecrets,
      },
    });
    attachments.grantReadWrite(compute.taskRoles.web!);
    // Services need the listener (and so the target groups' ALB) before they register.
    for (const service of Object.values(compute.services)) {
      service.node.addDependency(edge.httpsListener);
    }

    const observability = new Observability(this, 'observability', {
      prefix,
      alarmEmail: config.alarmEmail,
      kmsKeyArn: secrets.key.arn,
      albArnSuffix: edge.alb.arnSuffix,
      targetGroups: [
        { name: 'web', arnSuffix: edge.webTargetGroup.arnSuffix },
        { name: 'learn-api', arnSuffix: edge.learnApiTargetGroup.arnSuffix },
      ],
      clusterName: compute.cluster.name,
      serviceNames: [`${prefix}-web`, `${prefix}-learn-api`],
      databaseIdentifier: data.database.identifier,
      cacheNodeIds: Array.from(
        { length: config.multiAz ? 2 : 1 },
        (_, index) => `${prefix}-redis-00${index + 1}`,
      ),
      databaseStorageGb: config.dbAllocatedStorageGb,
    });

    const output = (name: string, value: string, description: string) =>
      new TerraformOutput(this, name, { value, description });
    output('app_url', appUrl, 'Public URL of the application');
    output('alb_dns_name', edge.alb.dnsName, 'Point the domain here (CNAME/alias)');
    if (edge.distribution) {
      output('cloudfront_domain_name', edge.distribution.domainName, 'CloudFront domain');
    }
    output('cognito_issuer', identity.issuerUrl, 'OIDC issuer of the user pool');
    output('cognito_user_pool_id', identity.userPool.id, 'User pool id');
    output('cognito_web_client_id', identity.webClient.id, 'Web app client id');
    output('ecr_web_repository', registry.web.repositoryUrl, 'Push web images here');
    output(
      'ecr_learn_api_repository',
      registry.learnApi.repositoryUrl,
      'Push learn-api images here',
    );
    output('ecs_cluster', compute.cluster.name, 'ECS cluster name');
    output('migration_task_family', compute.migrationTask.family, 'Run once per deploy');
    output('backup_bucket', backup.bucket.bucket, 'Backups and exports');
    output('attachments_bucket', attachments.bucket.bucket, 'Wiki and ticket attachments');
    output('alarm_topic_arn', observability.topic.arn, 'Alarms go here');
  }
}
