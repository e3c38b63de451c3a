import { DbInstance } from '@cdktf/provider-aws/lib/db-instance/index.js';
import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group/index.js';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group/index.js';
import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group/index.js';
import { ElasticacheSubnetGroup } from '@cdktf/provider-aws/lib/elasticache-subnet-group/index.js';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config.js';
import { POSTGRES_PORT, REDIS_PORT } from './security-groups.js';

export interface DataProps {
  config: EnvironmentConfig;
  prefix: string;
  privateSubnetIds: string[];
  databaseSecurityGroupId: string;
  cacheSecurityGroupId: string;
  kmsKeyArn: string;
  redisAuthToken: string;
}

export const DATABASE_NAME = 'learntrac';
export const DATABASE_USER = 'learntrac';

/** RDS PostgreSQL 15 and ElastiCache Redis 7, both private and encrypted. */
export class Data extends Construct {
  readonly database: DbInstance;
  readonly cache: ElasticacheReplicationGroup;
  /** ARN of the secret RDS keeps the generated master credentials in (JSON username/password). */
  readonly databaseSecretArn: string;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    const { config, prefix } = props;

    const subnets = new DbSubnetGroup(this, 'db-subnets', {
      name: `${prefix}-db`,
      subnetIds: props.privateSubnetIds,
    });
    const parameters = new DbParameterGroup(this, 'db-parameters', {
      name: `${prefix}-postgres15`,
      family: 'postgres15',
      description: 'LearnTrac PostgreSQL 15 settings',
      parameter: [
        { name: 'rds.force_ssl', value: '1' },
        { name: 'log_min_duration_statement', value: '1000' },
        { name: 'idle_in_transaction_session_timeout', value: '60000' },
      ],
    });
    this.database = new DbInstance(this, 'postgres', {
      identifier: `${prefix}-postgres`,
      engine: 'postgres',
      engineVersion: '15',
      instanceClass: config.dbInstanceClass,
      allocatedStorage: config.dbAllocatedStorageGb,
      maxAllocatedStorage: config.dbAllocatedStorageGb * 4,
      storageType: 'gp3',
      storageEncrypted: true,
      kmsKeyId: props.kmsKeyArn,
      dbName: DATABASE_NAME,
      username: DATABASE_USER,
      // RDS generates the password and keeps it in Secrets Manager; it never enters state.
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: props.kmsKeyArn,
      port: POSTGRES_PORT,
      multiAz: config.multiAz,
      dbSubnetGroupName: subnets.name,
      vpcSecurityGroupIds: [props.databaseSecurityGroupId],
      publiclyAccessible: false,
      parameterGroupName: parameters.name,
      backupRetentionPeriod: 7,
      backupWindow: '03:00-04:00',
      maintenanceWindow: 'sun:04:30-sun:05:30',
      copyTagsToSnapshot: true,
      deletionProtection: config.deletionProtection,
      skipFinalSnapshot: !config.deletionProtection,
      finalSnapshotIdentifier: config.deletionProtection ? `${prefix}-postgres-final` : undefined,
      autoMinorVersionUpgrade: true,
      enabledCloudwatchLogsExports: ['postgresql'],
    });
    this.databaseSecretArn = this.database.masterUserSecret.get(0).secretArn;

    const cacheSubnets = new ElasticacheSubnetGroup(this, 'cache-subnets', {
      name: `${prefix}-cache`,
      subnetIds: props.privateSubnetIds,
    });
    const replicas = config.multiAz ? 2 : 1;
    this.cache = new ElasticacheReplicationGroup(this, 'redis', {
      replicationGroupId: `${prefix}-redis`,
      description: 'LearnTrac cache and rate limits',
      engine: 'redis',
      engineVersion: '7.1',
      parameterGroupName: 'default.redis7',
      nodeType: config.cacheNodeType,
      numCacheClusters: replicas,
      automaticFailoverEnabled: replicas > 1,
      multiAzEnabled: replicas > 1,
      port: REDIS_PORT,
      subnetGroupName: cacheSubnets.name,
      securityGroupIds: [props.cacheSecurityGroupId],
      atRestEncryptionEnabled: 'true',
      kmsKeyId: props.kmsKeyArn,
      transitEncryptionEnabled: true,
      authToken: props.redisAuthToken,
      snapshotRetentionLimit: config.multiAz ? 7 : 1,
      applyImmediately: !config.deletionProtection,
    });
  }
}
