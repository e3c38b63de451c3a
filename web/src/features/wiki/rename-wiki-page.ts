import { toTracTime } from '@learntrac/db/time';
import { z } from 'zod';
import { type Database, sql } from '@/core/db';
import { AppError } from '@/core/errors/app-error';

import type { Viewer } from '@/core/feature';
import type { AttachmentStorage } from '@/features/attachment/attachment-storage';
import { lockWikiPage } from './lock-wiki-page';
import { parseWikiInput } from './wiki-input';
import { WikiPageNameSchema } from './wiki-names';
import { assertWikiPermission } from './wiki-permissions';

export const RenameWikiPageInput = z.object({
  name: WikiPageNameSchema,
  newName: WikiPageNameSchema,
  /** Leave a page at the old name that points to the new one. */
  redirect: z.boolean().default(false),
});
export type RenameWikiPageInput = z.input<typeof RenameWikiPageInput>;

/** Moves every version and attachment of a page to a new name, in one transaction. */
export async function renameWikiPage(options: {
  db: Database;
  storage: AttachmentStorage;
  viewer: Viewer;
  author: string;
  input: RenameWikiPageInput;
}): Promise<{ name: string }> {
  const input = parseWikiInput(RenameWikiPageInput, options.input);
  assertWikiPermission(options.viewer, 'WIKI_RENAME', 'rename wiki pages');
  if (input.redirect) assertWikiPermission(options.viewer, 'WIKI_CREATE', 'leave a redirect page');
  if (input.newName === input.name) {
    throw new AppError('INVALID_INPUT', 'The new name is the same as the old one.');
  }
  return options.db.transaction(async (tx) => {
    for (const name of [input.name, input.newName].sort()) {
      await lockWikiPage({ tx, name });
    }
    const [existing] = await tx.query<{ readonly: number | null }>(sql`
      SELECT readonly FROM wiki WHERE name = ${input.name} ORDER BY version DESC LIMIT 1`);
    if (!existing) throw new AppError('NOT_FOUND', `The page ${input.name} does not exist.`);
    if (existing.readonly) {
      assertWikiPermission(options.viewer, 'WIKI_ADMIN', 'rename a read-only page');
    }
    const [taken] = await tx.query<{ n: number }>(sql`
      SELECT 1 AS n FROM wiki WHERE name = ${input.newName} LIMIT 1`);
    if (taken) throw new AppError('INVALID_INPUT', `The page ${input.newName} already exists.`);
    await tx.execute(sql`UPDATE wiki SET name = ${input.newName} WHERE name = ${input.name}`);
    await tx.execute(sql`UPDATE attachment SET id = ${input.newName}
      WHERE type = 'wiki' AND id = ${input.name}`);
    // Inside the transaction: if the files cannot move, the rename is undone.
    await options.storage.moveAll('wiki', input.name, input.newName);
    if (input.redirect) {
      await tx.execute(sql`INSERT INTO wiki (name, version, time, author, text, comment, readonly)
        VALUES (${input.name}, 1, ${toTracTime(new Date())}, ${options.author},
                ${`= ${input.name} =\nThis page has moved to [wiki:"${input.newName}"].\n`},
                ${`Renamed to ${input.newName}.`}, 0)`);
    }
    return { name: input.newName };
  });
}
