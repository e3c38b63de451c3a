import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AttachmentStorage, createLocalAttachmentStorage } from './attachment-storage';
import { createS3AttachmentStorage } from './attachment-storage-s3';
import { createTestBucket, s3TestEndpoint } from './attachment-storage-testing';

/** One storage under test plus a look at what it really keeps (file paths or object keys). */
interface Backend {
  storage: AttachmentStorage;
  listStored(): Promise<string[]>;
  dispose(): Promise<void>;
}

async function openLocal(): Promise<Backend> {
  const root = await mkdtemp(path.join(tmpdir(), 'learntrac-attachments-'));
  return {
    storage: createLocalAttachmentStorage(root),
    async listStored() {
      const entries = await readdir(root, { recursive: true, withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
        .map((relative) => relative.split(path.sep).join('/'))
        .sort();
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}

async function openS3(): Promise<Backend> {
  const bucket = await createTestBucket();
  return {
    storage: createS3AttachmentStorage({ client: bucket.client, bucket: bucket.name }),
    listStored: bucket.listKeys,
    dispose: bucket.drop,
  };
}

const backends: [string, () => Promise<Backend>][] = [['local folder', openLocal]];
if (s3TestEndpoint) backends.push(['S3 bucket', openS3]);

const bytes = (...values: number[]) => new Uint8Array(values);
const hashedKey = /^(wiki|ticket)\/[0-9a-f]{3}\/[0-9a-f]{40}\/[0-9a-f]{40}(\.[a-z0-9]{1,10})?$/;

describe.each(backends)('attachment storage in a %s', (_name, open) => {
  let backend: Backend;
  let storage: AttachmentStorage;
  beforeEach(async () => {
    backend = await open();
    storage = backend.storage;
  });
  afterEach(async () => {
    await backend.dispose();
  });

  it('gives back exactly the bytes of an uploaded binary file', async () => {
    const data = new Uint8Array(70_000).map((_, index) => (index * 31 + 7) % 256);
    await storage.write({ realm: 'wiki', id: 'WikiStart', filename: 'photo.PNG' }, data);

    const read = await storage.read({ realm: 'wiki', id: 'WikiStart', filename: 'photo.PNG' });

    expect(read).toEqual(data);
  });

  it('replaces a file uploaded again under the same name', async () => {
    const key = { realm: 'ticket', id: '12', filename: 'log.txt' };
    await storage.write(key, bytes(1, 2, 3));
    await storage.write(key, bytes(9));

    expect(await storage.read(key)).toEqual(bytes(9));
    expect(await backend.listStored()).toHaveLength(1);
  });

  it('reports a file that was never uploaded as missing', async () => {
    await storage.write({ realm: 'wiki', id: 'WikiStart', filename: 'a.txt' }, bytes(1));

    expect(await storage.read({ realm: 'wiki', id: 'WikiStart', filename: 'b.txt' })).toBeNull();
    expect(await storage.read({ realm: 'wiki', id: 'Other', filename: 'a.txt' })).toBeNull();
  });

  it('deletes one file and keeps its neighbours', async () => {
    const gone = { realm: 'wiki', id: 'Guide', filename: 'old.pdf' };
    const kept = { realm: 'wiki', id: 'Guide', filename: 'new.pdf' };
    await storage.write(gone, bytes(1));
    await storage.write(kept, bytes(2));

    await storage.remove(gone);
    await storage.remove(gone);

    expect(await storage.read(gone)).toBeNull();
    expect(await storage.read(kept)).toEqual(bytes(2));
  });

  it('moves every file of a renamed wiki page and leaves none behind', async () => {
    const names = ['diagram.svg', 'notes.txt', 'data.csv'];
    for (const [index, filename] of names.entries()) {
      await storage.write({ realm: 'wiki', id: 'Draft/Plan', filename }, bytes(index));
    }
    await storage.write({ realm: 'wiki', id: 'Elsewhere', filename: 'notes.txt' }, bytes(42));

    await storage.moveAll('wiki', 'Draft/Plan', 'Published/Plan');

    for (const [index, filename] of names.entries()) {
      expect(await storage.read({ realm: 'wiki', id: 'Published/Plan', filename })).toEqual(
        bytes(index),
      );
      expect(await storage.read({ realm: 'wiki', id: 'Draft/Plan', filename })).toBeNull();
    }
    expect(await storage.read({ realm: 'wiki', id: 'Elsewhere', filename: 'notes.txt' })).toEqual(
      bytes(42),
    );
    expect(await backend.listStored()).toHaveLength(4);
  });

  it('renames a page without attachments without complaint', async () => {
    await storage.moveAll('wiki', 'NoFiles', 'StillNoFiles');

    expect(await backend.listStored()).toEqual([]);
  });

  it('deletes all files of a deleted ticket and only those', async () => {
    for (const filename of ['a.txt', 'b.txt', 'c.bin']) {
      await storage.write({ realm: 'ticket', id: '7', filename }, bytes(7));
    }
    await storage.write({ realm: 'ticket', id: '8', filename: 'a.txt' }, bytes(8));

    await storage.removeAll('ticket', '7');

    expect(await storage.read({ realm: 'ticket', id: '7', filename: 'a.txt' })).toBeNull();
    expect(await storage.read({ realm: 'ticket', id: '8', filename: 'a.txt' })).toEqual(bytes(8));
    expect(await backend.listStored()).toHaveLength(1);
  });

  it('stores hostile and non-Latin file names under hashed keys only', async () => {
    const hostile = { realm: 'wiki', id: '../../etc', filename: '../../passwd' };
    const unicode = { realm: 'wiki', id: 'Ünïcødé/页面', filename: 'résumé 履歴書.PDF' };
    await storage.write(hostile, bytes(1));
    await storage.write(unicode, bytes(2));

    const stored = await backend.listStored();

    expect(stored).toHaveLength(2);
    for (const key of stored) {
      expect(key).toMatch(hashedKey);
      expect(key).not.toContain('..');
    }
    expect(stored.some((key) => key.endsWith('.pdf'))).toBe(true);
    expect(await storage.read(hostile)).toEqual(bytes(1));
    expect(await storage.read(unicode)).toEqual(bytes(2));
  });
});
