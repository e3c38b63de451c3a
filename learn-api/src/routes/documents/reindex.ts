import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { reindexDocument } from '../../services/documents/reindex-document.js';
import { bearerAuth } from '../security.js';
import { DocumentIdParamSchema, DocumentSchema } from './schema.js';

const route = createRoute({
  method: 'post',
  path: '/documents/{id}/reindex',
  tags: ['documents'],
  summary: 'Extract and embed a document again (e.g. after the embedder changed)',
  security: bearerAuth,
  middleware: [requirePermission('LEARNING_INGEST')] as const,
  request: { params: DocumentIdParamSchema },
  responses: {
    202: {
      description: 'Queued for indexing',
      content: { 'application/json': { schema: DocumentSchema } },
    },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'),
  },
});

export function registerReindexDocument(app: App) {
  app.openapi(route, async (c) => {
    const { db, ingestQueue } = c.get('deps');
    const document = await reindexDocument({ db, ingestQueue, id: c.req.valid('param').id });
    return c.json(document, 202);
  });
}
