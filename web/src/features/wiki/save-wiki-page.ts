import { toTracTime } from '@learntrac/db/time';
import { z } from 'zod';
import { type Database, sql } from '@/core/db';
import { AppError } from '@/core/errors/app-error';

import type { Viewer } from '@/core/feature';
import { lockWikiPage } from './lock-wiki-page';
import { WikiConflictError } from './wiki-errors';
import { MAX_WIKI_TEXT, parseWikiInput } from './wiki-input';
import { WikiPageNameSchema } from './wiki-names';
import { assertWikiPermission } from './wiki-permissions';

export const SaveWikiPageInput = z.object({
  name: WikiPageNameSchema,
  text: z
    .string()
    .max(MAX_WIKI_TEXT, { message: `The page text may have at most ${MAX_WIKI_TEXT} characters.` }),
  comment: z
    .string()
    .trim()
    .max(1000, { message: 'The comment may have at most 1000 characters.' })
    .default(''),
  /** The version the editor started from; 0 when creating the page. */
  baseVersion: z.coerce
    .number({ message: 'The edited version is missing.' })
    .int()
    .min(0, { message: 'The edited version is missing.' }),
  /** Only WIKI_ADMIN may change it; omitted keeps the current setting. */
  readonly: z.boolean().optional(),
});
export type SaveWikiPageInput = z.input<typeof SaveWikiPageInput>;

export interface SavedWikiPage {
  name: string;
  version: number;
}

/**
 * Saves a new version of a page (its first when `baseVersion` is 0). Refuses, writing nothing,
 * when someone saved a newer version since the editor loaded `baseVersion`.
 */
export async function saveWikiPage(options: {
  db: Database;
  viewer: Viewer;
  author: string;
  input: SaveWikiPageInput;
  /** Set by other verbs (revert) that write a version on the page's behalf. */
  now?: Date;
}): Promise<SavedWikiPage> {
  const input = parseWikiInput(SaveWikiPageInput, options.input);
  const { viewer } = options;
  return options.db.transaction(async (tx) => {
    // Saves of one page queue up here, so two editors cannot both write version N+1.
    await lockWikiPage({ tx, name: input.name });
    const [latest] = await tx.query<{
      version: number;
      text: string | null;
      author: string | null;
      readonly: number | null;
    }>(sql`SELECT version, text, author, readonly FROM wiki WHERE name = ${input.name}
      ORDER BY version DESC LIMIT 1`);
    const current = latest?.version ?? 0;
    if (current === 0) assertWikiPermission(viewer, 'WIKI_CREATE', 'create wiki pages');
    else assertWikiPermission(viewer, 'WIKI_MODIFY', 'edit wiki pages');
    const wasReadonly = Boolean(latest?.readonly);
    if (wasReadonly) assertWikiPermission(viewer, 'WIKI_ADMIN', 'edit a read-only page');
    if (input.readonly !== undefined && input.readonly !== wasReadonly) {
      assertWikiPermission(viewer, 'WIKI_ADMIN', 'change whether a page is read-only');
    }
    if (current !== input.baseVersion) {
      throw new WikiConflictError(
        input.name,
        input.baseVersion,
        current,
        latest?.text ?? '',
        latest?.author ?? null,
      );
    }
    const readonly = input.readonly ?? wasReadonly;
    if (latest && (latest.text ?? '') === input.text && readonly === wasReadonly) {
      throw new AppError('INVALID_INPUT', 'The page was not changed, so nothing was saved.');
    }
    const version = current + 1;
    await tx.execute(sql`INSERT INTO wiki (name, version, time, author, text, comment, readonly)
      VALUES (${input.name}, ${version}, ${toTracTime(options.now ?? new Date())}, ${options.author},
              ${input.text}, ${input.comment}, ${readonly ? 1 : 0})`);
    return { name: input.name, version };
  });
}
