import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm/index.js';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic/index.js';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription/index.js';
import { Construct } from 'constructs';

export interface ObservabilityProps {
  prefix: string;
  alarmEmail: string;
  kmsKeyArn: string;
  albArnSuffix: string;
  targetGroups: { name: string; arnSuffix: string }[];
  clusterName: string;
  serviceNames: string[];
  databaseIdentifier: string;
  /** Member node ids of the Redis replication group. */
  cacheNodeIds: string[];
  /** Allocated database storage; the free-storage alarm fires below a tenth of it. */
  databaseStorageGb: number;
}

/** Alarms on the signals the issue names, all to one SNS topic (email when configured). */
export class Observability extends Construct {
  readonly topic: SnsTopic;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const { prefix } = props;
    this.topic = new SnsTopic(this, 'alarms', {
      name: `${prefix}-alarms`,
      kmsMasterKeyId: props.kmsKeyArn,
    });
    if (props.alarmEmail) {
      new SnsTopicSubscription(this, 'alarm-email', {
        topicArn: this.topic.arn,
        protocol: 'email',
        endpoint: props.alarmEmail,
      });
    }
    const actions = { alarmActions: [this.topic.arn], okActions: [this.topic.arn] };
    // CPU and memory alarms fire when the 5-minute average stays above the threshold for
    // 15 minutes, so a short burst does not page anyone.
    const sustainedAverageAbove = {
      statistic: 'Average',
      period: 300,
      evaluationPeriods: 3,
      comparisonOperator: 'GreaterThanThreshold',
    };

    new CloudwatchMetricAlarm(this, 'alb-5xx-rate', {
      alarmName: `${prefix}-alb-5xx-rate`,
      alarmDescription: 'More than 5% of requests answered with a 5xx over 5 minutes',
      comparisonOperator: 'GreaterThanThreshold',
      threshold: 5,
      evaluationPeriods: 1,
      treatMissingData: 'notBreaching',
      metricQuery: [
        {
          id: 'rate',
          expression: '100 * (errors_target + errors_elb) / MAX([requests, 1])',
          label: '5xx percent',
          returnData: true,
        },
        ...(
          [
            ['errors_target', 'HTTPCode_Target_5XX_Count'],
            ['errors_elb', 'HTTPCode_ELB_5XX_Count'],
            ['requests', 'RequestCount'],
          ] as const
        ).map(([queryId, metricName]) => ({
          id: queryId,
          metric: {
            namespace: 'AWS/ApplicationELB',
            metricName,
            period: 300,
            stat: 'Sum',
            dimensions: { LoadBalancer: props.albArnSuffix },
          },
        })),
      ],
      ...actions,
    });

    for (const group of props.targetGroups) {
      new CloudwatchMetricAlarm(this, `${group.name}-unhealthy`, {
        alarmName: `${prefix}-${group.name}-unhealthy-targets`,
        alarmDescription: `A ${group.name} target has failed its /healthz check`,
        namespace: 'AWS/ApplicationELB',
        metricName: 'UnHealthyHostCount',
        dimensions: { LoadBalancer: props.albArnSuffix, TargetGroup: group.arnSuffix },
        statistic: 'Maximum',
        period: 60,
        evaluationPeriods: 3,
        threshold: 0,
        comparisonOperator: 'GreaterThanThreshold',
        ...actions,
      });
    }

    for (const service of props.serviceNames) {
      for (const metric of ['CPUUtilization', 'MemoryUtilization'] as const) {
        new CloudwatchMetricAlarm(this, `${service}-${metric}`, {
          alarmName: `${service}-${metric === 'CPUUtilization' ? 'cpu' : 'memory'}-high`,
          namespace: 'AWS/ECS',
          metricName: metric,
          dimensions: { ClusterName: props.clusterName, ServiceName: service },
          ...sustainedAverageAbove,
          threshold: 85,
          ...actions,
        });
      }
    }

    new CloudwatchMetricAlarm(this, 'db-cpu', {
      alarmName: `${prefix}-db-cpu-high`,
      namespace: 'AWS/RDS',
      metricName: 'CPUUtilization',
      dimensions: { DBInstanceIdentifier: props.databaseIdentifier },
      ...sustainedAverageAbove,
      threshold: 80,
      ...actions,
    });
    new CloudwatchMetricAlarm(this, 'db-free-storage', {
      alarmName: `${prefix}-db-free-storage-low`,
      namespace: 'AWS/RDS',
      metricName: 'FreeStorageSpace',
      dimensions: { DBInstanceIdentifier: props.databaseIdentifier },
      statistic: 'Minimum',
      period: 300,
      evaluationPeriods: 1,
      threshold: props.databaseStorageGb * 1024 ** 3 * 0.1,
      comparisonOperator: 'LessThanThreshold',
      ...actions,
    });
    for (const node of props.cacheNodeIds) {
      new CloudwatchMetricAlarm(this, `cache-memory-${node}`, {
        alarmName: `${node}-memory-high`,
        namespace: 'AWS/ElastiCache',
        metricName: 'DatabaseMemoryUsagePercentage',
        dimensions: { CacheClusterId: node },
        ...sustainedAverageAbove,
        threshold: 80,
        ...actions,
      });
    }
  }
}
