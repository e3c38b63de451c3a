import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import {
  DocumentSectionSchema,
  listDocumentSections,
} from '../../services/documents/list-document-sections.js';
import { bearerAuth } from '../security.js';
import { DocumentIdParamSchema } from './schema.js';

const DocumentSectionsSchema = z
  .object({ documentId: z.uuid(), sections: z.array(DocumentSectionSchema) })
  .openapi('DocumentSections');

const route = createRoute({
  method: 'get',
  path: '/documents/{id}/sections',
  tags: ['documents'],
  summary: 'A document’s sections with their chunk ids, to build a path from chosen sections',
  security: bearerAuth,
  middleware: [requirePermission('LEARNING_VIEW')] as const,
  request: { params: DocumentIdParamSchema },
  responses: {
    200: {
      description: 'The sections in reading order',
      content: { 'application/json': { schema: DocumentSectionsSchema } },
    },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'),
  },
});

export function registerListDocumentSections(app: App) {
  app.openapi(route, async (c) => {
    const documentId = c.req.valid('param').id;
    const sections = await listDocumentSections({
      db: c.get('deps').db,
      user: c.get('user'),
      documentId,
    });
    return c.json({ documentId, sections }, 200);
  });
}
