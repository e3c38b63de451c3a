import 'server-only';
import { getConfig } from '@/config';
import type { AttachmentStorage } from './attachment-storage';
import { createAttachmentStorage } from './attachment-storage-config';

const holder = globalThis as typeof globalThis & { learntracAttachments?: AttachmentStorage };

/** Attachment files in ATTACHMENTS_BUCKET when set, else in the ATTACHMENTS_DIR folder. */
export function getAttachmentStorage(): AttachmentStorage {
  holder.learntracAttachments ??= createAttachmentStorage(getConfig());
  return holder.learntracAttachments;
}

export function getAttachmentMaxSize(): number {
  return getConfig().ATTACHMENTS_MAX_SIZE;
}
