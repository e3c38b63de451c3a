import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate/index.js';
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation/index.js';
import { CloudfrontDistribution } from '@cdktf/provider-aws/lib/cloudfront-distribution/index.js';
import { Lb } from '@cdktf/provider-aws/lib/lb/index.js';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener/index.js';
import { LbListenerRule } from '@cdktf/provider-aws/lib/lb-listener-rule/index.js';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group/index.js';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record/index.js';
import { Wafv2WebAcl } from '@cdktf/provider-aws/lib/wafv2-web-acl/index.js';
import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association/index.js';
import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config.js';
import { LEARN_API_PORT, WEB_PORT } from './security-groups.js';

export interface EdgeProps {
  config: EnvironmentConfig;
  prefix: string;
  vpcId: string;
  publicSubnetIds: string[];
  albSecurityGroupId: string;
  /** Provider in us-east-1, where CloudFront certificates must live. */
  globalProvider: AwsProvider;
}

const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesSQLiRuleSet',
];

/**
 * The public entrance: ALB with HTTP->HTTPS redirect and path routing, its certificate,
 * and the optional WAF and CloudFront in front.
 */
export class Edge extends Construct {
  readonly alb: Lb;
  readonly webTargetGroup: LbTargetGroup;
  readonly learnApiTargetGroup: LbTargetGroup;
  readonly httpsListener: LbListener;
  readonly distribution?: CloudfrontDistribution;
  private readonly hostedZoneId: string | undefined;

  constructor(scope: Construct, id: string, props: EdgeProps) {
    super(scope, id);
    const { config, prefix } = props;
    this.hostedZoneId = config.hostedZoneId;
    // With CloudFront in front, the ALB answers on origin.<domain> and CloudFront on <domain>.
    const originName = config.enableCloudFront ? `origin.${config.domainName}` : config.domainName;

    this.alb = new Lb(this, 'alb', {
      name: prefix,
      loadBalancerType: 'application',
      internal: false,
      securityGroups: [props.albSecurityGroupId],
      subnets: props.publicSubnetIds,
      dropInvalidHeaderFields: true,
      enableDeletionProtection: config.deletionProtection,
      idleTimeout: 60,
    });

    const certificate = this.validatedCertificate('certificate', originName, undefined);

    const targetGroup = (name: string, port: number) =>
      new LbTargetGroup(this, `${name}-tg`, {
        name: `${prefix}-${name}`,
        port,
        protocol: 'HTTP',
        targetType: 'ip',
        vpcId: props.vpcId,
        deregistrationDelay: '30',
        healthCheck: {
          path: '/healthz',
          port: 'traffic-port',
          matcher: '200',
          interval: 15,
          timeout: 5,
          healthyThreshold: 2,
          unhealthyThreshold: 3,
        },
      });
    this.webTargetGroup = targetGroup('web', WEB_PORT);
    this.learnApiTargetGroup = targetGroup('api', LEARN_API_PORT);

    new LbListener(this, 'http', {
      loadBalancerArn: this.alb.arn,
      port: 80,
      protocol: 'HTTP',
      defaultAction: [
        { type: 'redirect', redirect: { port: '443', protocol: 'HTTPS', statusCode: 'HTTP_301' } },
      ],
    });
    this.httpsListener = new LbListener(this, 'https', {
      loadBalancerArn: this.alb.arn,
      port: 443,
      protocol: 'HTTPS',
      sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      certificateArn: certificate.certificateArn,
      defaultAction: [{ type: 'forward', targetGroupArn: this.webTargetGroup.arn }],
    });
    new LbListenerRule(this, 'learn-api-rule', {
      listenerArn: this.httpsListener.arn,
      priority: 10,
      condition: [{ pathPattern: { values: ['/api/learntrac/*'] } }],
      action: [{ type: 'forward', targetGroupArn: this.learnApiTargetGroup.arn }],
    });

    if (config.enableWaf) {
      const acl = new Wafv2WebAcl(this, 'waf', {
        name: prefix,
        scope: 'REGIONAL',
        defaultAction: { allow: {} },
        rule: MANAGED_RULE_GROUPS.map((name, index) => ({
          name,
          priority: index,
          overrideAction: { none: {} },
          // The provider types this deeply nested block loosely, so it is written in Terraform's names.
          statement: {
            managed_rule_group_statement: {
              vendor_name: 'AWS',
              name,
              // The common rule set blocks any body over 8 KB, which would refuse every
              // attachment upload; the app enforces ATTACHMENTS_MAX_SIZE itself.
              ...(name === 'AWSManagedRulesCommonRuleSet'
                ? {
                    rule_action_override: [
                      { name: 'SizeRestrictions_BODY', action_to_use: { count: {} } },
                    ],
                  }
                : {}),
            },
          },
          visibilityConfig: {
            cloudwatchMetricsEnabled: true,
            metricName: name,
            sampledRequestsEnabled: true,
          },
        })),
        visibilityConfig: {
          cloudwatchMetricsEnabled: true,
          metricName: prefix,
          sampledRequestsEnabled: true,
        },
      });
      new Wafv2WebAclAssociation(this, 'waf-alb', {
        resourceArn: this.alb.arn,
        webAclArn: acl.arn,
      });
    }

    if (config.enableCloudFront) {
      const edgeCertificate = this.validatedCertificate(
        'cloudfront-certificate',
        config.domainName,
        props.globalProvider,
      );
      this.distribution = new CloudfrontDistribution(this, 'cdn', {
        enabled: true,
        comment: prefix,
        aliases: [config.domainName],
        priceClass: 'PriceClass_100',
        httpVersion: 'http2and3',
        origin: [
          {
            originId: 'alb',
            domainName: originName,
            customOriginConfig: {
              httpPort: 80,
              httpsPort: 443,
              originProtocolPolicy: 'https-only',
              originSslProtocols: ['TLSv1.2'],
            },
          },
        ],
        defaultCacheBehavior: {
          targetOriginId: 'alb',
          viewerProtocolPolicy: 'redirect-to-https',
          allowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'],
          cachedMethods: ['GET', 'HEAD'],
          // AWS managed policies: CachingDisabled and AllViewer (pass everything to the app).
          cachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
          originRequestPolicyId: '216adef6-5c7f-47e4-b989-5492eafa07d3',
        },
        orderedCacheBehavior: [
          {
            pathPattern: '/_next/static/*',
            targetOriginId: 'alb',
            viewerProtocolPolicy: 'redirect-to-https',
            allowedMethods: ['GET', 'HEAD'],
            cachedMethods: ['GET', 'HEAD'],
            // AWS managed policy CachingOptimized: build assets are content-hashed.
            cachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
            compress: true,
          },
        ],
        restrictions: { geoRestriction: { restrictionType: 'none' } },
        viewerCertificate: {
          acmCertificateArn: edgeCertificate.certificateArn,
          sslSupportMethod: 'sni-only',
          minimumProtocolVersion: 'TLSv1.2_2021',
        },
      });
    }

    if (config.hostedZoneId) {
      new Route53Record(this, 'origin-record', {
        zoneId: config.hostedZoneId,
        name: originName,
        type: 'A',
        alias: { name: this.alb.dnsName, zoneId: this.alb.zoneId, evaluateTargetHealth: true },
      });
      if (this.distribution) {
        new Route53Record(this, 'cdn-record', {
          zoneId: config.hostedZoneId,
          name: config.domainName,
          type: 'A',
          alias: {
            name: this.distribution.domainName,
            zoneId: this.distribution.hostedZoneId,
            evaluateTargetHealth: false,
          },
        });
      }
    }
  }

  /**
   * A DNS-validated certificate. With a hosted zone the validation records are created here;
   * without one, the output lists them for the operator and apply waits until they exist.
   */
  private validatedCertificate(id: string, domainName: string, provider: AwsProvider | undefined) {
    const certificate = new AcmCertificate(this, id, {
      domainName,
      validationMethod: 'DNS',
      provider,
      lifecycle: { createBeforeDestroy: true },
    });
    // One name per certificate, so there is exactly one validation record.
    const validation = certificate.domainValidationOptions.get(0);
    if (this.hostedZoneId) {
      const record = new Route53Record(this, `${id}-validation`, {
        zoneId: this.hostedZoneId,
        name: validation.resourceRecordName,
        type: validation.resourceRecordType,
        records: [validation.resourceRecordValue],
        ttl: 300,
        allowOverwrite: true,
      });
      return new AcmCertificateValidation(this, `${id}-validated`, {
        certificateArn: certificate.arn,
        validationRecordFqdns: [record.fqdn],
        provider,
      });
    }
    const output = new TerraformOutput(this, `${id}-dns-record`, {
      description: `CNAME to create for ${domainName} before the certificate can validate`,
      value: {
        name: validation.resourceRecordName,
        type: validation.resourceRecordType,
        value: validation.resourceRecordValue,
      },
    });
    output.overrideLogicalId(`${id.replaceAll('-', '_')}_dns_record`);
    return new AcmCertificateValidation(this, `${id}-validated`, {
      certificateArn: certificate.arn,
      provider,
    });
  }
}
