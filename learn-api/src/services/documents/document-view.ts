import { z } from '@hono/zod-openapi';
import type { Database } from '../../adapters/database/database.js';

export const DocumentStatusSchema = z
  .enum(['queued', 'extracting', 'embedding', 'indexed', 'failed'])
  .openapi('DocumentStatus', {
    description: '`indexed` and `failed` are final until the document is reindexed',
  });

export const OutlineEntrySchema = z
  .object({
    title: z.string(),
    level: z.number().int(),
    page: z.number().int().nullable(),
    get children() {
      return z.array(OutlineEntrySchema);
    },
  })
  .openapi('OutlineEntry');

export const DocumentSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    source: z.string().openapi({ description: 'The uploaded file name' }),
    mimeType: z.string(),
    status: DocumentStatusSchema,
    error: z.string().nullable().openapi({ description: 'Why ingestion failed, in plain words' }),
    progress: z.object({
      chunksDone: z.number().int(),
      chunksTotal: z.number().int(),
    }),
    sizeBytes: z.number().int(),
    pageCount: z.number().int().nullable(),
    published: z.boolean().openapi({ description: 'Learners search published material only' }),
    embedder: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    indexedAt: z.iso.datetime().nullable(),
  })
  .openapi('Document');

export const DocumentWithOutlineSchema = DocumentSchema.extend({
  outline: z.array(OutlineEntrySchema),
}).openapi('DocumentWithOutline');

type DocumentRow = Awaited<ReturnType<Database['document']['findFirstOrThrow']>>;

export function toDocumentView(row: DocumentRow) {
  return {
    id: row.id,
    title: row.title,
    source: row.source,
    mimeType: row.mimeType,
    status: row.status,
    error: row.error,
    progress: { chunksDone: row.chunksDone, chunksTotal: row.chunksTotal },
    sizeBytes: row.sizeBytes,
    pageCount: row.pageCount,
    published: row.published,
    embedder: row.embedder,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    indexedAt: row.indexedAt?.toISOString() ?? null,
  };
}
export type DocumentView = ReturnType<typeof toDocumentView>;

export function toDocumentWithOutlineView(row: DocumentRow) {
  return { ...toDocumentView(row), outline: z.array(OutlineEntrySchema).parse(row.outline) };
}
export type DocumentWithOutlineView = ReturnType<typeof toDocumentWithOutlineView>;
