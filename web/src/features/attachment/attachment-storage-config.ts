import path from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '@/config/schema';
import { type AttachmentStorage, createLocalAttachmentStorage } from './attachment-storage';
import { createS3AttachmentStorage } from './attachment-storage-s3';

export type AttachmentStorageConfig = Pick<
  Config,
  'ATTACHMENTS_BUCKET' | 'ATTACHMENTS_DIR' | 'AWS_REGION'
>;

/**
 * The S3 bucket when ATTACHMENTS_BUCKET is set (credentials from the task role, endpoint
 * overrides from the SDK's standard variables), else the local folder, with relative paths
 * counted from the server's directory.
 */
export function createAttachmentStorage(config: AttachmentStorageConfig): AttachmentStorage {
  if (config.ATTACHMENTS_BUCKET) {
    return createS3AttachmentStorage({
      client: new S3Client({ region: config.AWS_REGION }),
      bucket: config.ATTACHMENTS_BUCKET,
    });
  }
  return createLocalAttachmentStorage(path.resolve(config.ATTACHMENTS_DIR));
}
