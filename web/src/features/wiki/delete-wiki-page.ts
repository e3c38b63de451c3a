import { z } from 'zod';
import { type Database, sql } from '@/core/db';
import { AppError } from '@/core/errors/app-error';
import type { Viewer } from '@/core/feature';
import type { AttachmentStorage } from '@/features/attachment/attachment-storage';
import { lockWikiPage } from './lock-wiki-page';
import { parseWikiInput } from './wiki-input';
import { WikiPageNameSchema } from './wiki-names';
import { assertWikiPermission } from './wiki-permissions';

export const DeleteWikiPageInput = z.object({
  name: WikiPageNameSchema,
  /** One version to delete; omitted deletes the page with all versions and attachments. */
  version: z.coerce.number().int().min(1).optional(),
});
export type DeleteWikiPageInput = z.input<typeof DeleteWikiPageInput>;

/**
 * Deletes one version of a page, or the whole page. Deleting its only version deletes the
 * page. Returns whether the page still exists afterwards.
 */
export async function deleteWikiPage(options: {
  db: Database;
  storage: AttachmentStorage;
  viewer: Viewer;
  input: DeleteWikiPageInput;
}): Promise<{ pageRemains: boolean }> {
  const input = parseWikiInput(DeleteWikiPageInput, options.input);
  assertWikiPermission(options.viewer, 'WIKI_DELETE', 'delete wiki pages');
  return options.db.transaction(async (tx) => {
    await lockWikiPage({ tx, name: input.name });
    const versions = await tx.query<{ version: number; readonly: number | null }>(sql`
      SELECT version, readonly FROM wiki WHERE name = ${input.name} ORDER BY version DESC`);
    if (!versions[0]) throw new AppError('NOT_FOUND', `The page ${input.name} does not exist.`);
    if (versions[0].readonly) {
      assertWikiPermission(options.viewer, 'WIKI_ADMIN', 'delete a read-only page');
    }
    if (input.version !== undefined && versions.length > 1) {
      const removed = await tx.execute(sql`DELETE FROM wiki
        WHERE name = ${input.name} AND version = ${input.version}`);
      if (removed === 0) {
        throw new AppError(
          'NOT_FOUND',
          `Version ${input.version} of ${input.name} does not exist.`,
        );
      }
      return { pageRemains: true };
    }
    if (input.version !== undefined && versions[0].version !== input.version) {
      throw new AppError('NOT_FOUND', `Version ${input.version} of ${input.name} does not exist.`);
    }
    await tx.execute(sql`DELETE FROM wiki WHERE name = ${input.name}`);
    await tx.execute(sql`DELETE FROM attachment WHERE type = 'wiki' AND id = ${input.name}`);
    await options.storage.removeAll('wiki', input.name);
    return { pageRemains: false };
  });
}
