import { toTracTime } from '@learntrac/db/time';
import { z } from 'zod';
import { type Database, sql } from '@/core/db';
import { AppError } from '@/core/errors/app-error';

import type { Viewer } from '@/core/feature';
import {
  AttachmentFilenameSchema,
  AttachmentRealmSchema,
  parseAttachmentInput,
} from './attachment-input';
import { assertMayChangeAttachments } from './attachment-permissions';
import type { AttachmentStorage } from './attachment-storage';

export const AddAttachmentInput = z.object({
  realm: AttachmentRealmSchema,
  id: z.string().min(1).max(255),
  filename: AttachmentFilenameSchema,
  description: z
    .string()
    .trim()
    .max(1000, { message: 'The description may have at most 1000 characters.' })
    .default(''),
  /** Replace an attachment of the same name instead of refusing. */
  replace: z.boolean().default(false),
});
export type AddAttachmentInput = z.input<typeof AddAttachmentInput>;

/** Stores a file and records it against a wiki page or ticket, which must exist. */
export async function addAttachment(options: {
  db: Database;
  storage: AttachmentStorage;
  viewer: Viewer;
  author: string;
  maxSize: number;
  input: AddAttachmentInput;
  data: Uint8Array;
}) {
  const input = parseAttachmentInput(AddAttachmentInput, options.input);
  if (options.data.byteLength === 0) throw new AppError('INVALID_INPUT', 'The file is empty.');
  if (options.data.byteLength > options.maxSize) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The file is ${options.data.byteLength} bytes; attachments may have at most ${options.maxSize} bytes.`,
    );
  }
  const key = { realm: input.realm, id: input.id, filename: input.filename };
  await options.db.transaction(async (tx) => {
    const { realm, id } = input;
    await assertMayChangeAttachments({ tx, viewer: options.viewer, realm, id, action: 'create' });
    const [existing] = await tx.query<{ author: string | null }>(sql`SELECT author FROM attachment
      WHERE type = ${input.realm} AND id = ${input.id} AND filename = ${input.filename}`);
    if (existing && !input.replace) {
      throw new AppError('INVALID_INPUT', `An attachment named ${input.filename} already exists.`);
    }
    // Replacing a file deletes it: only its signed-in author may do that without delete rights.
    if (existing && (existing.author !== options.author || options.author === 'anonymous')) {
      await assertMayChangeAttachments({ tx, viewer: options.viewer, realm, id, action: 'delete' });
    }
    await tx.execute(sql`INSERT INTO attachment (type, id, filename, size, time, description, author)
      VALUES (${input.realm}, ${input.id}, ${input.filename}, ${options.data.byteLength},
              ${toTracTime(new Date())}, ${input.description}, ${options.author})
      ON CONFLICT (type, id, filename) DO UPDATE SET size = EXCLUDED.size, time = EXCLUDED.time,
        description = EXCLUDED.description, author = EXCLUDED.author`);
    // Written inside the transaction: if storing fails, the row is not committed either.
    await options.storage.write(key, options.data);
  });
  return key;
}
