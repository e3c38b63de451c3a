import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { toDocumentWithOutlineView } from '../../services/documents/document-view.js';
import { findVisibleDocument } from '../../services/documents/material-access.js';
import { bearerAuth } from '../security.js';
import { DocumentIdParamSchema, DocumentWithOutlineSchema } from './schema.js';

const route = createRoute({
  method: 'get',
  path: '/documents/{id}',
  tags: ['documents'],
  summary: 'One document with its ingestion status, progress and outline',
  security: bearerAuth,
  middleware: [requirePermission('LEARNING_VIEW')] as const,
  request: { params: DocumentIdParamSchema },
  responses: {
    200: {
      description: 'The document',
      content: { 'application/json': { schema: DocumentWithOutlineSchema } },
    },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'),
  },
});

export function registerGetDocument(app: App) {
  app.openapi(route, async (c) => {
    const row = await findVisibleDocument({
      db: c.get('deps').db,
      user: c.get('user'),
      id: c.req.valid('param').id,
    });
    return c.json(toDocumentWithOutlineView(row), 200);
  });
}
