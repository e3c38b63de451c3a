import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Identifies one attachment: the resource it belongs to and its file name. */
export interface AttachmentKey {
  realm: string;
  id: string;
  filename: string;
}

/** Where attachment contents live; the `attachment` table holds their descriptions. */
export interface AttachmentStorage {
  write(key: AttachmentKey, data: Uint8Array): Promise<void>;
  /** The contents, or null when nothing is stored under the key. */
  read(key: AttachmentKey): Promise<Uint8Array | null>;
  remove(key: AttachmentKey): Promise<void>;
  /** Moves every attachment of one resource to another id (a page rename). */
  moveAll(realm: string, fromId: string, toId: string): Promise<void>;
  removeAll(realm: string, id: string): Promise<void>;
}

const sha1 = (value: string) => createHash('sha1').update(value, 'utf8').digest('hex');

/**
 * The key layout every storage shares, as Trac lays out its folder:
 * `<realm>/<hash prefix>/<hash of id>/<hash of file name><extension>`, so no user-given name
 * ever becomes a path or an object key.
 */
export function attachmentFolderSegments(realm: string, id: string): string[] {
  const hash = sha1(id);
  return [realm, hash.slice(0, 3), hash];
}

export function attachmentFileName(filename: string): string {
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(filename)?.[0] ?? '';
  return sha1(filename) + extension.toLowerCase();
}

/** Keeps files in a local folder (the default outside AWS). */
export function createLocalAttachmentStorage(root: string): AttachmentStorage {
  const parentDir = (realm: string, id: string) =>
    path.join(root, ...attachmentFolderSegments(realm, id));
  const filePath = ({ realm, id, filename }: AttachmentKey) =>
    path.join(parentDir(realm, id), attachmentFileName(filename));
  return {
    async write(key, data) {
      const file = filePath(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data);
    },
    async read(key) {
      try {
        return new Uint8Array(await readFile(filePath(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async remove(key) {
      await rm(filePath(key), { force: true });
    },
    async moveAll(realm, fromId, toId) {
      const from = parentDir(realm, fromId);
      const to = parentDir(realm, toId);
      await mkdir(path.dirname(to), { recursive: true });
      try {
        await rename(from, to);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    },
    async removeAll(realm, id) {
      await rm(parentDir(realm, id), { recursive: true, force: true });
    },
  };
}
