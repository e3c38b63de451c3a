import { randomUUID } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';

/** The S3 emulator (moto_server) the test launcher starts; required in CI. */
export const s3TestEndpoint = process.env.TEST_AWS_ENDPOINT || undefined;
if (!s3TestEndpoint && process.env.CI === 'true') {
  throw new Error('TEST_AWS_ENDPOINT must point at an S3 emulator (moto_server) in CI');
}
if (!s3TestEndpoint) {
  console.warn('Skipping S3 attachment storage tests: TEST_AWS_ENDPOINT is not set');
}

export const s3TestRegion = 'us-east-1';
export const s3TestCredentials = { accessKeyId: 'test', secretAccessKey: 'test' };

export function createS3TestClient(): S3Client {
  return new S3Client({
    region: s3TestRegion,
    endpoint: s3TestEndpoint,
    credentials: s3TestCredentials,
    forcePathStyle: true,
  });
}

export interface TestBucket {
  client: S3Client;
  name: string;
  listKeys(): Promise<string[]>;
  drop(): Promise<void>;
}

/** A fresh, empty bucket of its own for one test. */
export async function createTestBucket(): Promise<TestBucket> {
  const client = createS3TestClient();
  const name = `learntrac-test-${randomUUID()}`;
  await client.send(new CreateBucketCommand({ Bucket: name }));
  const listKeys = async () => {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: name, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) if (item.Key) keys.push(item.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  };
  return {
    client,
    name,
    listKeys,
    async drop() {
      const keys = await listKeys();
      for (let start = 0; start < keys.length; start += 1000) {
        await client.send(
          new DeleteObjectsCommand({
            Bucket: name,
            Delete: { Objects: keys.slice(start, start + 1000).map((Key) => ({ Key })) },
          }),
        );
      }
      await client.send(new DeleteBucketCommand({ Bucket: name }));
      client.destroy();
    },
  };
}
