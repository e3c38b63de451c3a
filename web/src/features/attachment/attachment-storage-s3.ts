import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import {
  type AttachmentKey,
  type AttachmentStorage,
  attachmentFileName,
  attachmentFolderSegments,
} from './attachment-storage';

export interface S3AttachmentStorageOptions {
  client: S3Client;
  bucket: string;
  /** Folder inside the bucket, e.g. `attachments/`; the bucket's root when left out. */
  prefix?: string;
}

// DeleteObjects takes at most this many keys per request.
const DELETE_BATCH = 1000;
// Copies run a few at a time: enough to rename a page quickly without flooding the client pool.
const COPY_CONCURRENCY = 8;

/**
 * Keeps files as objects in one S3 bucket, under the same hashed layout as the local folder.
 * Encryption is the bucket's default, so objects are written without per-object settings.
 */
export function createS3AttachmentStorage(options: S3AttachmentStorageOptions): AttachmentStorage {
  const { client, bucket } = options;
  const prefix = options.prefix ? `${options.prefix.replace(/\/+$/, '')}/` : '';
  const folderKey = (realm: string, id: string) =>
    `${prefix}${attachmentFolderSegments(realm, id).join('/')}/`;
  const objectKey = ({ realm, id, filename }: AttachmentKey) =>
    folderKey(realm, id) + attachmentFileName(filename);

  async function listKeys(folder: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: folder, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) if (item.Key) keys.push(item.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  async function deleteKeys(keys: string[]): Promise<void> {
    for (let start = 0; start < keys.length; start += DELETE_BATCH) {
      const batch = keys.slice(start, start + DELETE_BATCH);
      const result = await client.send(
        new DeleteObjectsCommand({
          Bucket: bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      // DeleteObjects answers 200 even when single keys fail; a silent leftover is worse.
      const failed = result.Errors ?? [];
      if (failed.length > 0) {
        const first = failed[0];
        throw new Error(
          `Could not delete ${failed.length} attachment object(s) from ${bucket}, first ${first?.Key}: ${first?.Code} ${first?.Message}`,
        );
      }
    }
  }

  return {
    async write(key, data) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: objectKey(key), Body: data }));
    },
    async read(key) {
      try {
        const result = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }),
        );
        return result.Body ? await result.Body.transformToByteArray() : new Uint8Array();
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        throw error;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
    },
    async moveAll(realm, fromId, toId) {
      const from = folderKey(realm, fromId);
      const to = folderKey(realm, toId);
      if (from === to) return;
      const keys = await listKeys(from);
      // Copy everything before deleting anything, so a failure leaves the files readable.
      for (let start = 0; start < keys.length; start += COPY_CONCURRENCY) {
        await Promise.all(
          keys.slice(start, start + COPY_CONCURRENCY).map((key) =>
            client.send(
              new CopyObjectCommand({
                Bucket: bucket,
                CopySource: `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`,
                Key: to + key.slice(from.length),
              }),
            ),
          ),
        );
      }
      await deleteKeys(keys);
    },
    async removeAll(realm, id) {
      await deleteKeys(await listKeys(folderKey(realm, id)));
    },
  };
}
