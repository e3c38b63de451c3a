import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule/index.js';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule/index.js';
import { Construct } from 'constructs';

export interface SecurityGroupsProps {
  prefix: string;
  vpcId: string;
  endpointSecurityGroupId: string;
  /** Optional operator CIDR allowed into PostgreSQL; empty string for none. */
  operatorCidr: string;
}

export const WEB_PORT = 8000;
export const LEARN_API_PORT = 8001;
export const POSTGRES_PORT = 5432;
export const REDIS_PORT = 6379;

/**
 * The design's traffic rules, one rule resource each, so that nothing else is open:
 * ALB <- 80/443 world, ALB -> tasks 8000/8001; tasks <- ALB only, tasks -> 5432, 6379, 443;
 * database <- tasks (and the operator CIDR); cache <- tasks.
 */
export class SecurityGroups extends Construct {
  readonly alb: SecurityGroup;
  readonly tasks: SecurityGroup;
  readonly database: SecurityGroup;
  readonly cache: SecurityGroup;

  constructor(scope: Construct, id: string, props: SecurityGroupsProps) {
    super(scope, id);
    const group = (name: string, description: string) =>
      new SecurityGroup(this, name, {
        name: `${props.prefix}-${name}`,
        description,
        vpcId: props.vpcId,
        tags: { Name: `${props.prefix}-${name}` },
      });
    this.alb = group('alb', 'Application Load Balancer');
    this.tasks = group('tasks', 'ECS tasks of web and learn-api');
    this.database = group('database', 'RDS PostgreSQL');
    this.cache = group('cache', 'ElastiCache Redis');

    const ingress = (
      name: string,
      groupId: string,
      port: number,
      source: { cidr: string } | { groupId: string },
      description: string,
    ) =>
      new VpcSecurityGroupIngressRule(this, name, {
        securityGroupId: groupId,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        description,
        ...('cidr' in source
          ? { cidrIpv4: source.cidr }
          : { referencedSecurityGroupId: source.groupId }),
      });
    const egress = (
      name: string,
      groupId: string,
      port: number,
      destination: { cidr: string } | { groupId: string },
      description: string,
    ) =>
      new VpcSecurityGroupEgressRule(this, name, {
        securityGroupId: groupId,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        description,
        ...('cidr' in destination
          ? { cidrIpv4: destination.cidr }
          : { referencedSecurityGroupId: destination.groupId }),
      });

    ingress('alb-in-http', this.alb.id, 80, { cidr: '0.0.0.0/0' }, 'HTTP, redirected to HTTPS');
    ingress('alb-in-https', this.alb.id, 443, { cidr: '0.0.0.0/0' }, 'HTTPS');
    egress('alb-out-web', this.alb.id, WEB_PORT, { groupId: this.tasks.id }, 'to web');
    egress('alb-out-api', this.alb.id, LEARN_API_PORT, { groupId: this.tasks.id }, 'to learn-api');

    ingress('tasks-in-web', this.tasks.id, WEB_PORT, { groupId: this.alb.id }, 'web from ALB');
    ingress(
      'tasks-in-api',
      this.tasks.id,
      LEARN_API_PORT,
      { groupId: this.alb.id },
      'learn-api from ALB',
    );
    egress(
      'tasks-out-db',
      this.tasks.id,
      POSTGRES_PORT,
      { groupId: this.database.id },
      'PostgreSQL',
    );
    egress('tasks-out-cache', this.tasks.id, REDIS_PORT, { groupId: this.cache.id }, 'Redis');
    egress(
      'tasks-out-https',
      this.tasks.id,
      443,
      { cidr: '0.0.0.0/0' },
      'AWS endpoints, Cognito JWKS, OpenAI',
    );

    ingress(
      'db-in-tasks',
      this.database.id,
      POSTGRES_PORT,
      { groupId: this.tasks.id },
      'from tasks',
    );
    if (props.operatorCidr) {
      ingress(
        'db-in-operator',
        this.database.id,
        POSTGRES_PORT,
        { cidr: props.operatorCidr },
        'operator access',
      );
    }
    ingress('cache-in-tasks', this.cache.id, REDIS_PORT, { groupId: this.tasks.id }, 'from tasks');

    ingress(
      'endpoints-in-tasks',
      props.endpointSecurityGroupId,
      443,
      { groupId: this.tasks.id },
      'interface endpoints from tasks',
    );
  }
}
