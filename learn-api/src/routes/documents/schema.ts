import { z } from '@hono/zod-openapi';

import { DocumentSchema } from '../../services/documents/document-view.js';

export {
  DocumentSchema,
  DocumentWithOutlineSchema,
} from '../../services/documents/document-view.js';
export { UpdateDocumentInputSchema } from '../../services/documents/update-document.js';

export const DocumentIdParamSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const ListDocumentsQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(50)
    .openapi({ param: { name: 'limit', in: 'query' } }),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .openapi({ param: { name: 'offset', in: 'query' } }),
});

export const UploadDocumentFormSchema = z.object({
  file: z
    .instanceof(File, { message: 'Attach the material as the multipart field `file`' })
    .openapi({
      type: 'string',
      format: 'binary',
      description: 'PDF, HTML, Markdown or plain text',
    }),
  title: z.string().trim().min(1).max(200).optional(),
});

export const DocumentListSchema = z
  .object({
    documents: z.array(DocumentSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .openapi('DocumentList');
