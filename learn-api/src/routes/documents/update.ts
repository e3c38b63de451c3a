import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { updateDocument } from '../../services/documents/update-document.js';
import { bearerAuth } from '../security.js';
import { DocumentIdParamSchema, DocumentSchema, UpdateDocumentInputSchema } from './schema.js';

const route = createRoute({
  method: 'patch',
  path: '/documents/{id}',
  tags: ['documents'],
  summary: 'Rename a document, or publish it to learners',
  security: bearerAuth,
  middleware: [requirePermission('LEARNING_INGEST')] as const,
  request: {
    params: DocumentIdParamSchema,
    body: {
      required: true,
      content: { 'application/json': { schema: UpdateDocumentInputSchema } },
    },
  },
  responses: {
    200: {
      description: 'The document',
      content: { 'application/json': { schema: DocumentSchema } },
    },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'),
  },
});

export function registerUpdateDocument(app: App) {
  app.openapi(route, async (c) => {
    const { db, cache, logger } = c.get('deps');
    const document = await updateDocument({
      db,
      cache,
      logger,
      id: c.req.valid('param').id,
      input: c.req.valid('json'),
    });
    return c.json(document, 200);
  });
}
