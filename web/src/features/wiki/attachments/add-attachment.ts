import type { Db } from '@learntrac/db';
import { z } from 'zod';
import { toTracTime } from '@/core/db/database';
import type { Viewer } from '@/core/feature';
import { WikiError } from '../wiki-errors';
import { parseWikiInput } from '../wiki-input';
import { assertWikiPermission } from '../wiki-permissions';
import { AttachmentFilenameSchema, AttachmentRealmSchema } from './attachment-input';
import { assertAttachmentPermission } from './attachment-permissions';
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
  db: Db;
  storage: AttachmentStorage;
  viewer: Viewer;
  author: string;
  maxSize: number;
  input: AddAttachmentInput;
  data: Uint8Array;
}) {
  const input = parseWikiInput(AddAttachmentInput, options.input);
  assertAttachmentPermission(options.viewer, input.realm, 'create');
  if (options.data.byteLength === 0) throw new WikiError('invalid_input', 'The file is empty.');
  if (options.data.byteLength > options.maxSize) {
    throw new WikiError(
      'too_large',
      `The file is ${options.data.byteLength} bytes; attachments may have at most ${options.maxSize} bytes.`,
    );
  }
  const key = { realm: input.realm, id: input.id, filename: input.filename };
  await options.db.$transaction(async (tx) => {
    const parent =
      input.realm === 'wiki'
        ? await tx.$queryRaw<{ readonly: number | null }[]>`
            SELECT readonly FROM wiki WHERE name = ${input.id} ORDER BY version DESC LIMIT 1`
        : await tx.$queryRaw<{ readonly: number | null }[]>`
            SELECT 0 AS readonly FROM ticket WHERE id::text = ${input.id}`;
    if (!parent[0]) {
      throw new WikiError(
        'not_found',
        `${input.realm === 'wiki' ? 'The page' : 'Ticket'} ${input.id} does not exist.`,
      );
    }
    if (parent[0].readonly) {
      assertWikiPermission(options.viewer, 'WIKI_ADMIN', 'attach files to a read-only page');
    }
    const existing = await tx.$queryRaw<{ n: number }[]>`SELECT 1 AS n FROM attachment
      WHERE type = ${input.realm} AND id = ${input.id} AND filename = ${input.filename}`;
    if (existing[0] && !input.replace) {
      throw new WikiError('invalid_input', `An attachment named ${input.filename} already exists.`);
    }
    await tx.$executeRaw`INSERT INTO attachment (type, id, filename, size, time, description, author)
      VALUES (${input.realm}, ${input.id}, ${input.filename}, ${options.data.byteLength},
              ${toTracTime(new Date())}, ${input.description}, ${options.author})
      ON CONFLICT (type, id, filename) DO UPDATE SET size = EXCLUDED.size, time = EXCLUDED.time,
        description = EXCLUDED.description, author = EXCLUDED.author`;
    // Written inside the transaction: if storing fails, the row is not committed either.
    await options.storage.write(key, options.data);
  });
  return key;
}
