import { z } from 'zod';
import type { Database } from '@/core/db';
import { AppError } from '@/core/errors/app-error';
import type { Viewer } from '@/core/feature';
import { getWikiPage } from './get-wiki-page';
import { saveWikiPage } from './save-wiki-page';
import { parseWikiInput } from './wiki-input';
import { WikiPageNameSchema } from './wiki-names';

export const RevertWikiPageInput = z.object({
  name: WikiPageNameSchema,
  /** The old version whose text becomes the page's text again. */
  version: z.coerce.number().int().min(1, { message: 'Choose a version to revert to.' }),
  /** The latest version the viewer saw, so a revert cannot undo an edit they never saw. */
  baseVersion: z.coerce.number().int().min(1),
});
export type RevertWikiPageInput = z.input<typeof RevertWikiPageInput>;

/** Makes an old version's text current again, as a new version. */
export async function revertWikiPage(options: {
  db: Database;
  viewer: Viewer;
  author: string;
  input: RevertWikiPageInput;
}) {
  const input = parseWikiInput(RevertWikiPageInput, options.input);
  const old = await getWikiPage({ db: options.db, name: input.name, version: input.version });
  if (!old)
    throw new AppError('NOT_FOUND', `Version ${input.version} of ${input.name} does not exist.`);
  return saveWikiPage({
    db: options.db,
    viewer: options.viewer,
    author: options.author,
    input: {
      name: input.name,
      text: old.text,
      comment: `Reverted to version ${input.version}.`,
      baseVersion: input.baseVersion,
    },
  });
}
