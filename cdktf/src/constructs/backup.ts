import type { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { Construct } from 'constructs';
import { addPrivateBucket } from './private-bucket.js';

export interface BackupProps {
  prefix: string;
  kmsKeyArn: string;
  archiveAfterDays: number;
  deletionProtection: boolean;
}

/** The bucket for database exports and other backups: private, versioned, encrypted. */
export class Backup extends Construct {
  readonly bucket: S3Bucket;

  constructor(scope: Construct, id: string, props: BackupProps) {
    super(scope, id);
    this.bucket = addPrivateBucket(this, {
      bucketPrefix: `${props.prefix}-backups-`,
      kmsKeyArn: props.kmsKeyArn,
      deletionProtection: props.deletionProtection,
      lifecycle: {
        id: 'archive',
        transition: [{ days: props.archiveAfterDays, storageClass: 'GLACIER_IR' }],
        noncurrentVersionTransition: [{ noncurrentDays: 7, storageClass: 'GLACIER_IR' }],
        noncurrentVersionExpiration: [{ noncurrentDays: 365 }],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
      },
    });
  }
}
