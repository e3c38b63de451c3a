import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { deleteDocument } from '../../services/documents/delete-document.js';
import { bearerAuth } from '../security.js';
import { DocumentIdParamSchema } from './schema.js';

const route = createRoute({
  method: 'delete',
  path: '/documents/{id}',
  tags: ['documents'],
  summary: 'Delete a document with its chunks and vectors',
  security: bearerAuth,
  middleware: [requirePermission('LEARNING_INGEST')] as const,
  request: { params: DocumentIdParamSchema },
  responses: {
    204: { description: 'Deleted' },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'),
  },
});

export function registerDeleteDocument(app: App) {
  app.openapi(route, async (c) => {
    const { db, vectorStore, cache, logger } = c.get('deps');
    await deleteDocument({ db, vectorStore, cache, logger, id: c.req.valid('param').id });
    return c.body(null, 204);
  });
}
