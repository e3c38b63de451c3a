import 'server-only';
import path from 'node:path';
import type { Db } from '@learntrac/db';
import { getConfig } from '@/config';
import { getDb } from '@/core/db';
import {
  type AttachmentStorage,
  createLocalAttachmentStorage,
} from './attachments/attachment-storage';

/** The process's Prisma client with its transactions, which the wiki's writes need. */
export function getWikiDb(): Db {
  return getDb() as unknown as Db;
}

const holder = globalThis as typeof globalThis & { learntracAttachments?: AttachmentStorage };

/** Attachment files in ATTACHMENTS_DIR (relative paths count from the server's directory). */
export function getAttachmentStorage(): AttachmentStorage {
  holder.learntracAttachments ??= createLocalAttachmentStorage(
    path.resolve(getConfig().ATTACHMENTS_DIR),
  );
  return holder.learntracAttachments;
}

export function getAttachmentMaxSize(): number {
  return getConfig().ATTACHMENTS_MAX_SIZE;
}
