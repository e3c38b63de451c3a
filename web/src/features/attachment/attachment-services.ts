import 'server-only';
import type { Db } from '@learntrac/db';
import { getConfig } from '@/config';
import { getDb } from '@/core/db';
import type { AttachmentStorage } from './attachment-storage';
import { createAttachmentStorage } from './attachment-storage-config';

/** The process's Prisma client with its transactions, which attachment writes need. */
export function getAttachmentDb(): Db {
  return getDb() as unknown as Db;
}

const holder = globalThis as typeof globalThis & { learntracAttachments?: AttachmentStorage };

/** Attachment files in ATTACHMENTS_BUCKET when set, else in the ATTACHMENTS_DIR folder. */
export function getAttachmentStorage(): AttachmentStorage {
  holder.learntracAttachments ??= createAttachmentStorage(getConfig());
  return holder.learntracAttachments;
}

export function getAttachmentMaxSize(): number {
  return getConfig().ATTACHMENTS_MAX_SIZE;
}
