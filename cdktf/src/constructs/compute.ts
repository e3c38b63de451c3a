import { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy/index.js';
import { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target/index.js';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster/index.js';
import { EcsService } from '@cdktf/provider-aws/lib/ecs-service/index.js';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition/index.js';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config.js';

/** A secret handed to a container: the variable name and `arn` or `arn:json-key::`. */
export interface ContainerSecret {
  name: string;
  secretArn: string;
  jsonKey?: string;
}

export interface ServiceSpec {
  /** Short name: web or learn-api. */
  name: 'web' | 'learn-api';
  port: number;
  imageRepositoryUrl: string;
  imageRepositoryArn: string;
  targetGroupArn: string;
  targetGroupArnSuffix: string;
  environment: Record<string, string>;
  secrets: ContainerSecret[];
}

export interface ComputeProps {
  config: EnvironmentConfig;
  prefix: string;
  privateSubnetIds: string[];
  tasksSecurityGroupId: string;
  imageTag: string;
  albArnSuffix: string;
  kmsKeyArn: string;
  backupBucketArn: string;
  services: ServiceSpec[];
  /** learn-api's environment and secrets, which the migration task shares. */
  migration: {
    imageRepositoryUrl: string;
    imageRepositoryArn: string;
    environment: Record<string, string>;
    secrets: ContainerSecret[];
  };
}

const assumeEcsTasks = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'ecs-tasks.amazonaws.com' },
      Action: 'sts:AssumeRole',
    },
  ],
});

const secretReference = (secret: ContainerSecret) =>
  secret.jsonKey ? `${secret.secretArn}:${secret.jsonKey}::` : secret.secretArn;

/** ECS cluster, one Fargate service per app, autoscaling, and the migration task. */
export class Compute extends Construct {
  readonly cluster: EcsCluster;
  readonly services: Record<string, EcsService> = {};
  readonly logGroups: CloudwatchLogGroup[] = [];
  /** Each service's task role, for grants made by the constructs that own the resources. */
  readonly taskRoles: Record<string, IamRole> = {};
  readonly migrationTask: EcsTaskDefinition;

  constructor(scope: Construct, id: string, props: ComputeProps) {
    super(scope, id);
    const { config, prefix } = props;

    this.cluster = new EcsCluster(this, 'cluster', {
      name: prefix,
      setting: [{ name: 'containerInsights', value: 'enabled' }],
    });

    const taskDefinition = (options: {
      family: string;
      image: string;
      port?: number;
      command?: string[];
      environment: Record<string, string>;
      secrets: ContainerSecret[];
      taskRoleArn: string;
      executionRoleArn: string;
      logGroupName: string;
    }) =>
      new EcsTaskDefinition(this, `${options.family}-task`, {
        family: `${prefix}-${options.family}`,
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: String(config.taskCpu),
        memory: String(config.taskMemoryMiB),
        runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
        executionRoleArn: options.executionRoleArn,
        taskRoleArn: options.taskRoleArn,
        containerDefinitions: JSON.stringify([
          {
            name: options.family,
            image: options.image,
            essential: true,
            ...(options.command ? { command: options.command } : {}),
            ...(options.port
              ? {
                  portMappings: [{ containerPort: options.port, protocol: 'tcp' }],
                  healthCheck: {
                    command: [
                      'CMD',
                      'node',
                      '-e',
                      `fetch('http://127.0.0.1:${options.port}/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`,
                    ],
                    interval: 15,
                    timeout: 5,
                    retries: 3,
                    startPeriod: 30,
                  },
                }
              : {}),
            environment: Object.entries(options.environment).map(([name, value]) => ({
              name,
              value,
            })),
            secrets: options.secrets.map((secret) => ({
              name: secret.name,
              valueFrom: secretReference(secret),
            })),
            stopTimeout: 30,
            logConfiguration: {
              logDriver: 'awslogs',
              options: {
                'awslogs-group': options.logGroupName,
                'awslogs-region': config.region,
                'awslogs-stream-prefix': options.family,
              },
            },
          },
        ]),
      });

    const roles = (
      name: string,
      repositoryArn: string,
      logGroup: CloudwatchLogGroup,
      secrets: ContainerSecret[],
    ) => {
      // Execution role: pull images, write its own log group, read only the named secrets.
      const execution = new IamRole(this, `${name}-execution-role`, {
        name: `${prefix}-${name}-execution`,
        assumeRolePolicy: assumeEcsTasks,
      });
      const secretArns = [...new Set(secrets.map((secret) => secret.secretArn))];
      new IamRolePolicy(this, `${name}-execution-policy`, {
        role: execution.id,
        name: 'pull-log-secrets',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            // GetAuthorizationToken has no resource-level permissions.
            { Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: '*' },
            {
              Effect: 'Allow',
              Action: [
                'ecr:BatchCheckLayerAvailability',
                'ecr:GetDownloadUrlForLayer',
                'ecr:BatchGetImage',
              ],
              Resource: [repositoryArn],
            },
            {
              Effect: 'Allow',
              Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
              Resource: [`${logGroup.arn}:*`],
            },
            { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: secretArns },
            { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [props.kmsKeyArn] },
          ],
        }),
      });
      const task = new IamRole(this, `${name}-task-role`, {
        name: `${prefix}-${name}-task`,
        assumeRolePolicy: assumeEcsTasks,
      });
      return { execution, task };
    };

    const logGroup = (name: string) => {
      const group = new CloudwatchLogGroup(this, `${name}-logs`, {
        name: `/${prefix}/${name}`,
        retentionInDays: config.logRetentionDays,
      });
      this.logGroups.push(group);
      return group;
    };

    for (const spec of props.services) {
      const logs = logGroup(spec.name);
      const { execution, task } = roles(spec.name, spec.imageRepositoryArn, logs, spec.secrets);
      this.taskRoles[spec.name] = task;
      if (spec.name === 'learn-api') {
        // learn-api writes exports next to the backups, under its own prefix only.
        new IamRolePolicy(this, 'learn-api-exports-policy', {
          role: task.id,
          name: 'exports',
          policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: ['s3:PutObject', 's3:GetObject'],
                Resource: [`${props.backupBucketArn}/exports/*`],
              },
              {
                Effect: 'Allow',
                Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
                Resource: [props.kmsKeyArn],
              },
            ],
          }),
        });
      }
      const definition = taskDefinition({
        family: spec.name,
        image: `${spec.imageRepositoryUrl}:${props.imageTag}`,
        port: spec.port,
        environment: { ...spec.environment, PORT: String(spec.port), NODE_ENV: 'production' },
        secrets: spec.secrets,
        taskRoleArn: task.arn,
        executionRoleArn: execution.arn,
        logGroupName: logs.name,
      });
      const service = new EcsService(this, `${spec.name}-service`, {
        name: `${prefix}-${spec.name}`,
        cluster: this.cluster.arn,
        taskDefinition: definition.arn,
        launchType: 'FARGATE',
        desiredCount: config.minTasks,
        deploymentMinimumHealthyPercent: 100,
        deploymentMaximumPercent: 200,
        deploymentCircuitBreaker: { enable: true, rollback: true },
        healthCheckGracePeriodSeconds: 60,
        propagateTags: 'SERVICE',
        enableEcsManagedTags: true,
        networkConfiguration: {
          subnets: props.privateSubnetIds,
          securityGroups: [props.tasksSecurityGroupId],
          assignPublicIp: false,
        },
        loadBalancer: [
          {
            targetGroupArn: spec.targetGroupArn,
            containerName: spec.name,
            containerPort: spec.port,
          },
        ],
        // Autoscaling owns the running count after the first deploy.
        lifecycle: { ignoreChanges: ['desired_count'] },
      });
      this.services[spec.name] = service;

      const scaling = new AppautoscalingTarget(this, `${spec.name}-scaling`, {
        serviceNamespace: 'ecs',
        scalableDimension: 'ecs:service:DesiredCount',
        resourceId: `service/${this.cluster.name}/${service.name}`,
        minCapacity: config.minTasks,
        maxCapacity: config.maxTasks,
      });
      new AppautoscalingPolicy(this, `${spec.name}-scale-cpu`, {
        name: `${prefix}-${spec.name}-cpu`,
        policyType: 'TargetTrackingScaling',
        serviceNamespace: scaling.serviceNamespace,
        scalableDimension: scaling.scalableDimension,
        resourceId: scaling.resourceId,
        targetTrackingScalingPolicyConfiguration: {
          targetValue: 60,
          scaleInCooldown: 120,
          scaleOutCooldown: 60,
          predefinedMetricSpecification: {
            predefinedMetricType: 'ECSServiceAverageCPUUtilization',
          },
        },
      });
      new AppautoscalingPolicy(this, `${spec.name}-scale-requests`, {
        name: `${prefix}-${spec.name}-requests`,
        policyType: 'TargetTrackingScaling',
        serviceNamespace: scaling.serviceNamespace,
        scalableDimension: scaling.scalableDimension,
        resourceId: scaling.resourceId,
        targetTrackingScalingPolicyConfiguration: {
          targetValue: 500,
          scaleInCooldown: 120,
          scaleOutCooldown: 60,
          predefinedMetricSpecification: {
            predefinedMetricType: 'ALBRequestCountPerTarget',
            resourceLabel: `${props.albArnSuffix}/${spec.targetGroupArnSuffix}`,
          },
        },
      });
    }

    // The migration task: run once per deploy (see .github/workflows/deploy.yml) before the
    // services move to the new image. The learn-api image carries the migrations and a
    // `migrate` mode in its entrypoint.
    const migrateLogs = logGroup('migrate');
    const migrateRoles = roles(
      'migrate',
      props.migration.imageRepositoryArn,
      migrateLogs,
      props.migration.secrets,
    );
    this.migrationTask = taskDefinition({
      family: 'migrate',
      image: `${props.migration.imageRepositoryUrl}:${props.imageTag}`,
      command: ['node', 'docker-entrypoint.mjs', 'migrate'],
      environment: { ...props.migration.environment, NODE_ENV: 'production' },
      secrets: props.migration.secrets,
      taskRoleArn: migrateRoles.task.arn,
      executionRoleArn: migrateRoles.execution.arn,
      logGroupName: migrateLogs.name,
    });
  }
}
