import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttachmentKey } from './attachment-storage';
import { createAttachmentStorage } from './attachment-storage-config';
import { createS3AttachmentStorage } from './attachment-storage-s3';
import {
  createTestBucket,
  s3TestCredentials,
  s3TestEndpoint,
  s3TestRegion,
  type TestBucket,
} from './attachment-storage-testing';

describe.skipIf(!s3TestEndpoint)('attachment storage in S3', () => {
  let bucket: TestBucket;
  beforeEach(async () => {
    bucket = await createTestBucket();
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await bucket.drop();
  });

  it('moves and deletes a page with more attachments than one listing or delete request holds', async () => {
    const storage = createS3AttachmentStorage({ client: bucket.client, bucket: bucket.name });
    const keys: AttachmentKey[] = Array.from({ length: 1005 }, (_, index) => ({
      realm: 'wiki',
      id: 'Gallery',
      filename: `picture-${index}.png`,
    }));
    for (let start = 0; start < keys.length; start += 50) {
      await Promise.all(
        keys.slice(start, start + 50).map((key) => storage.write(key, new Uint8Array([1]))),
      );
    }

    await storage.moveAll('wiki', 'Gallery', 'Archive/Gallery');

    expect(await bucket.listKeys()).toHaveLength(1005);
    expect(await storage.read({ ...keys[1004]!, id: 'Archive/Gallery' })).toEqual(
      new Uint8Array([1]),
    );
    expect(await storage.read(keys[0]!)).toBeNull();

    await storage.removeAll('wiki', 'Archive/Gallery');

    expect(await bucket.listKeys()).toEqual([]);
  }, 120_000);

  it('keeps its objects inside the configured folder of a shared bucket', async () => {
    const storage = createS3AttachmentStorage({
      client: bucket.client,
      bucket: bucket.name,
      prefix: 'attachments/',
    });
    const key = { realm: 'ticket', id: '3', filename: 'trace.log' };
    await storage.write(key, new Uint8Array([5]));
    await storage.moveAll('ticket', '3', '4');

    const [stored, ...rest] = await bucket.listKeys();

    expect(rest).toEqual([]);
    expect(stored).toMatch(/^attachments\/ticket\/[0-9a-f]{3}\/[0-9a-f]{40}\/[0-9a-f]{40}\.log$/);
    expect(await storage.read({ ...key, id: '4' })).toEqual(new Uint8Array([5]));
  });

  it('uses the bucket named in ATTACHMENTS_BUCKET, reached through the standard endpoint variable', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', s3TestCredentials.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', s3TestCredentials.secretAccessKey);
    vi.stubEnv('AWS_ENDPOINT_URL', '');
    vi.stubEnv('AWS_ENDPOINT_URL_S3', s3TestEndpoint!);
    const storage = createAttachmentStorage({
      ATTACHMENTS_BUCKET: bucket.name,
      ATTACHMENTS_DIR: '/nonexistent/attachments',
      AWS_REGION: s3TestRegion,
    });
    const key = { realm: 'wiki', id: 'WikiStart', filename: 'logo.svg' };

    await storage.write(key, new TextEncoder().encode('<svg/>'));

    expect(await bucket.listKeys()).toHaveLength(1);
    expect(new TextDecoder().decode((await storage.read(key))!)).toBe('<svg/>');
  });

  it('reports an unreachable bucket as an error, not as a missing file', async () => {
    const storage = createS3AttachmentStorage({
      client: bucket.client,
      bucket: `${bucket.name}-absent`,
    });

    await expect(
      storage.read({ realm: 'wiki', id: 'WikiStart', filename: 'logo.svg' }),
    ).rejects.toThrow(/bucket/i);
  });
});
