import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import {
  S3BucketLifecycleConfiguration,
  type S3BucketLifecycleConfigurationRule,
} from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls/index.js';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy/index.js';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block/index.js';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning/index.js';
import type { Construct } from 'constructs';

export interface PrivateBucketProps {
  /** The start of the bucket's name; a generated suffix keeps it globally unique. */
  bucketPrefix: string;
  kmsKeyArn: string;
  deletionProtection: boolean;
  /** What happens to objects and their older versions over time. */
  lifecycle: Omit<S3BucketLifecycleConfigurationRule, 'status' | 'filter'>;
}

/**
 * A bucket in `scope` that only its owner's roles reach: no public access or ACLs, versioned,
 * encrypted with the environment's key, refusing plain HTTP. The resources are added to
 * `scope` itself, so each caller's Terraform addresses stay its own.
 */
export function addPrivateBucket(scope: Construct, props: PrivateBucketProps): S3Bucket {
  const bucket = new S3Bucket(scope, 'bucket', {
    bucketPrefix: props.bucketPrefix,
    forceDestroy: !props.deletionProtection,
  });
  new S3BucketOwnershipControls(scope, 'ownership', {
    bucket: bucket.id,
    rule: { objectOwnership: 'BucketOwnerEnforced' },
  });
  new S3BucketPublicAccessBlock(scope, 'public-access', {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketVersioningA(scope, 'versioning', {
    bucket: bucket.id,
    versioningConfiguration: { status: 'Enabled' },
  });
  new S3BucketServerSideEncryptionConfigurationA(scope, 'encryption', {
    bucket: bucket.id,
    rule: [
      {
        applyServerSideEncryptionByDefault: {
          sseAlgorithm: 'aws:kms',
          kmsMasterKeyId: props.kmsKeyArn,
        },
        // One data key per bucket rather than per object: fewer KMS calls per upload.
        bucketKeyEnabled: true,
      },
    ],
  });
  new S3BucketLifecycleConfiguration(scope, 'lifecycle', {
    bucket: bucket.id,
    rule: [{ ...props.lifecycle, status: 'Enabled', filter: [{ prefix: '' }] }],
  });
  new S3BucketPolicy(scope, 'tls-only', {
    bucket: bucket.id,
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [bucket.arn, `${bucket.arn}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    }),
  });
  return bucket;
}
