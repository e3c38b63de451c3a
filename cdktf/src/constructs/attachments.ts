import type { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { Construct } from 'constructs';
import { addPrivateBucket } from './private-bucket.js';

export interface AttachmentsProps {
  prefix: string;
  kmsKeyArn: string;
  deletionProtection: boolean;
  /** How long a replaced or deleted file stays recoverable as an older version. */
  keepOldVersionsDays?: number;
}

/**
 * The bucket behind wiki and ticket attachments: private, encrypted with the environment's
 * key, versioned so a deleted or overwritten file can be restored for a while.
 */
export class Attachments extends Construct {
  readonly bucket: S3Bucket;
  private readonly kmsKeyArn: string;

  constructor(scope: Construct, id: string, props: AttachmentsProps) {
    super(scope, id);
    this.kmsKeyArn = props.kmsKeyArn;
    this.bucket = addPrivateBucket(this, {
      bucketPrefix: `${props.prefix}-attachments-`,
      kmsKeyArn: props.kmsKeyArn,
      deletionProtection: props.deletionProtection,
      lifecycle: {
        id: 'expire-old-versions',
        noncurrentVersionExpiration: [{ noncurrentDays: props.keepOldVersionsDays ?? 30 }],
        expiration: [{ expiredObjectDeleteMarker: true }],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
      },
    });
  }

  /** Lets a task role read, write, delete and list attachments, and nothing else in S3. */
  grantReadWrite(role: IamRole): void {
    new IamRolePolicy(this, 'task-access', {
      role: role.id,
      name: 'attachments',
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
            Resource: [`${this.bucket.arn}/*`],
          },
          { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [this.bucket.arn] },
          {
            Effect: 'Allow',
            Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
            Resource: [this.kmsKeyArn],
          },
        ],
      }),
    });
  }
}
