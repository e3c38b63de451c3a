import { Eip } from '@cdktf/provider-aws/lib/eip/index.js';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway/index.js';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway/index.js';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table/index.js';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association/index.js';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';
import { Subnet } from '@cdktf/provider-aws/lib/subnet/index.js';
import { Vpc } from '@cdktf/provider-aws/lib/vpc/index.js';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint/index.js';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config.js';

export interface NetworkProps {
  config: EnvironmentConfig;
  prefix: string;
}

/**
 * A VPC over two zones: public subnets for the ALB and NAT gateways, private subnets for
 * tasks, database and cache. Endpoints keep image pulls, secret reads and logs off the NAT.
 */
export class Network extends Construct {
  readonly vpc: Vpc;
  readonly publicSubnetIds: string[];
  readonly privateSubnetIds: string[];
  /** Security group of the interface endpoints; the tasks reach it on 443. */
  readonly endpointSecurityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const { config, prefix } = props;
    // Zones named from the region, not looked up, so synthesis and plan need no AWS call.
    const zones = ['a', 'b'].map((letter) => `${config.region}${letter}`);
    const [octet1, octet2] = config.vpcCidr.split('.');
    const cidr = (third: number) => `${octet1}.${octet2}.${third}.0/24`;

    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: config.vpcCidr,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: { Name: prefix },
    });
    const igw = new InternetGateway(this, 'igw', { vpcId: this.vpc.id, tags: { Name: prefix } });

    const publicSubnets = zones.map(
      (zone, index) =>
        new Subnet(this, `public-${index}`, {
          vpcId: this.vpc.id,
          availabilityZone: zone,
          cidrBlock: cidr(index),
          mapPublicIpOnLaunch: false,
          tags: { Name: `${prefix}-public-${zone}`, Tier: 'public' },
        }),
    );
    const privateSubnets = zones.map(
      (zone, index) =>
        new Subnet(this, `private-${index}`, {
          vpcId: this.vpc.id,
          availabilityZone: zone,
          cidrBlock: cidr(10 + index),
          tags: { Name: `${prefix}-private-${zone}`, Tier: 'private' },
        }),
    );
    this.publicSubnetIds = publicSubnets.map((subnet) => subnet.id);
    this.privateSubnetIds = privateSubnets.map((subnet) => subnet.id);

    const publicRoutes = new RouteTable(this, 'public-routes', {
      vpcId: this.vpc.id,
      route: [{ cidrBlock: '0.0.0.0/0', gatewayId: igw.id }],
      tags: { Name: `${prefix}-public` },
    });
    publicSubnets.forEach((subnet, index) => {
      new RouteTableAssociation(this, `public-assoc-${index}`, {
        subnetId: subnet.id,
        routeTableId: publicRoutes.id,
      });
    });

    const natCount = config.natGatewayPerZone ? zones.length : 1;
    const nats = Array.from({ length: natCount }, (_, index) => {
      const eip = new Eip(this, `nat-eip-${index}`, {
        domain: 'vpc',
        tags: { Name: `${prefix}-nat-${zones[index]}` },
      });
      return new NatGateway(this, `nat-${index}`, {
        allocationId: eip.id,
        subnetId: publicSubnets[index]!.id,
        tags: { Name: `${prefix}-nat-${zones[index]}` },
        dependsOn: [igw],
      });
    });

    const privateRouteTables = privateSubnets.map((subnet, index) => {
      const nat = nats[Math.min(index, nats.length - 1)]!;
      const table = new RouteTable(this, `private-routes-${index}`, {
        vpcId: this.vpc.id,
        route: [{ cidrBlock: '0.0.0.0/0', natGatewayId: nat.id }],
        tags: { Name: `${prefix}-private-${zones[index]}` },
      });
      new RouteTableAssociation(this, `private-assoc-${index}`, {
        subnetId: subnet.id,
        routeTableId: table.id,
      });
      return table;
    });

    new VpcEndpoint(this, 'endpoint-s3', {
      vpcId: this.vpc.id,
      serviceName: `com.amazonaws.${config.region}.s3`,
      vpcEndpointType: 'Gateway',
      routeTableIds: privateRouteTables.map((table) => table.id),
      tags: { Name: `${prefix}-s3` },
    });

    this.endpointSecurityGroup = new SecurityGroup(this, 'endpoints-sg', {
      name: `${prefix}-endpoints`,
      description: 'Interface VPC endpoints, reached by the tasks on 443',
      vpcId: this.vpc.id,
      tags: { Name: `${prefix}-endpoints` },
    });
    for (const service of ['secretsmanager', 'ecr.api', 'ecr.dkr', 'logs']) {
      new VpcEndpoint(this, `endpoint-${service.replace('.', '-')}`, {
        vpcId: this.vpc.id,
        serviceName: `com.amazonaws.${config.region}.${service}`,
        vpcEndpointType: 'Interface',
        privateDnsEnabled: true,
        subnetIds: this.privateSubnetIds,
        securityGroupIds: [this.endpointSecurityGroup.id],
        tags: { Name: `${prefix}-${service}` },
      });
    }
  }
}
