import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrismaClient, type Db } from '@learntrac/db';
import { createTestDatabase, type TestDatabase, testServerUrl } from '@learntrac/db/testing';
import { afterAll, beforeAll } from 'vitest';
import { listPermissions, type Role } from '@/core/auth/roles';
import type { Viewer } from '@/core/feature';
import {
  type AttachmentStorage,
  createLocalAttachmentStorage,
} from '../attachments/attachment-storage';

export const serverUrl = testServerUrl();

export const viewerWith = (roles: Role[] | null): Viewer => ({
  userId: roles ? `${roles[0] ?? 'member'}-id` : null,
  permissions: listPermissions(roles),
});

/** A fresh migrated database and attachment folder for one test file, removed afterwards. */
export function useWikiTestDatabase(prefix: string) {
  const state = {} as { db: Db; storage: AttachmentStorage; folder: string };
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ serverUrl: serverUrl!, migrate: true, prefix });
    state.db = createPrismaClient(database.url);
    state.folder = await mkdtemp(path.join(tmpdir(), 'learntrac-attachments-'));
    state.storage = createLocalAttachmentStorage(state.folder);
  }, 60_000);
  afterAll(async () => {
    await state.db?.$disconnect();
    await database?.drop();
    if (state.folder) await rm(state.folder, { recursive: true, force: true });
  });
  return state;
}
