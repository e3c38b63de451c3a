import type { z } from 'zod';
import { type Database, sql } from '@/core/db';
import { AppError } from '@/core/errors/app-error';
import type { Viewer } from '@/core/feature';
import { AttachmentKeyInput, parseAttachmentInput } from './attachment-input';
import { assertMayChangeAttachments } from './attachment-permissions';
import type { AttachmentStorage } from './attachment-storage';

export type DeleteAttachmentInput = z.input<typeof AttachmentKeyInput>;

/** Removes an attachment's record and its file. */
export async function deleteAttachment(options: {
  db: Database;
  storage: AttachmentStorage;
  viewer: Viewer;
  input: DeleteAttachmentInput;
}) {
  const key = parseAttachmentInput(AttachmentKeyInput, options.input);
  await options.db.transaction(async (tx) => {
    const { realm, id } = key;
    await assertMayChangeAttachments({ tx, viewer: options.viewer, realm, id, action: 'delete' });
    const removed = await tx.execute(sql`DELETE FROM attachment
      WHERE type = ${key.realm} AND id = ${key.id} AND filename = ${key.filename}`);
    if (removed === 0) throw new AppError('NOT_FOUND', `No attachment named ${key.filename}.`);
    await options.storage.remove(key);
  });
}
