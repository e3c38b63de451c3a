import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testServerUrl } from '@learntrac/db/testing';
import { afterAll, beforeAll } from 'vitest';
import { listPermissions, type Role } from '@/core/auth/roles';
import type { Database } from '@/core/db';
import type { Viewer } from '@/core/feature';
import {
  type AttachmentStorage,
  createLocalAttachmentStorage,
} from '@/features/attachment/attachment-storage';
import { useWebTestDatabase } from '@/test/use-web-test-database';

export const serverUrl = testServerUrl();

export const viewerWith = (roles: Role[] | null): Viewer => ({
  name: roles ? `${roles[0] ?? 'member'}-id` : null,
  permissions: listPermissions(roles),
});

/** A fresh migrated database and attachment folder for one test file, removed afterwards. */
export function useWikiTestDatabase(prefix: string) {
  const suite = useWebTestDatabase({ prefix });
  const files = {} as { storage: AttachmentStorage; folder: string };
  beforeAll(async () => {
    files.folder = await mkdtemp(path.join(tmpdir(), 'learntrac-attachments-'));
    files.storage = createLocalAttachmentStorage(files.folder);
  });
  afterAll(async () => {
    if (files.folder) await rm(files.folder, { recursive: true, force: true });
  });
  return {
    get db(): Database {
      return suite.db;
    },
    /** Prisma's client of the same database, for fixtures. */
    get prisma() {
      return suite.prisma;
    },
    /** The database's URL, for a test that opens a connection of its own. */
    get url(): string {
      return suite.url;
    },
    get storage() {
      return files.storage;
    },
    get folder() {
      return files.folder;
    },
  };
}
