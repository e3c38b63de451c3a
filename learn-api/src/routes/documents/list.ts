import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { listDocuments } from '../../services/documents/list-documents.js';
import { bearerAuth } from '../security.js';
import { DocumentListSchema, ListDocumentsQuerySchema } from './schema.js';

const route = createRoute({
  method: 'get',
  path: '/documents',
  tags: ['documents'],
  summary: 'Course material, newest first (learners see published material only)',
  security: bearerAuth,
  middleware: [requirePermission('LEARNING_VIEW')] as const,
  request: { query: ListDocumentsQuerySchema },
  responses: {
    200: {
      description: 'A page of documents',
      content: { 'application/json': { schema: DocumentListSchema } },
    },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN'),
  },
});

export function registerListDocuments(app: App) {
  app.openapi(route, async (c) => {
    const { limit, offset } = c.req.valid('query');
    const { documents, total } = await listDocuments({
      db: c.get('deps').db,
      viewer: c.get('user'),
      limit,
      offset,
    });
    return c.json({ documents, total, limit, offset }, 200);
  });
}
