import { z } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Cache } from '../../adapters/cache/cache.js';
import type { Database } from '../../adapters/database/database.js';
import { ApiError } from '../../errors/api-error.js';
import { bumpSearchGeneration } from '../search/search-generation.js';
import { type DocumentView, toDocumentView } from './document-view.js';

export const UpdateDocumentInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    published: z.boolean().optional(),
  })
  .refine((input) => input.title !== undefined || input.published !== undefined, {
    message: 'Give a title or published',
  })
  .openapi('UpdateDocumentInput');

/** Renames a document or publishes it to learners (or takes it back). */
export async function updateDocument({
  db,
  cache,
  logger,
  id,
  input: raw,
}: {
  db: Database;
  cache: Cache;
  logger: Logger;
  id: string;
  input: z.input<typeof UpdateDocumentInputSchema>;
}): Promise<DocumentView> {
  const input = UpdateDocumentInputSchema.parse(raw);
  const { count } = await db.document.updateMany({
    where: { id },
    data: {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.published !== undefined ? { published: input.published } : {}),
    },
  });
  if (count === 0) throw new ApiError('NOT_FOUND', `No document ${id}`);
  // Titles and visibility both show in search results.
  await bumpSearchGeneration(cache, logger);
  return toDocumentView(await db.document.findUniqueOrThrow({ where: { id } }));
}
