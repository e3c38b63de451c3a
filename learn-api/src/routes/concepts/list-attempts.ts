import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { listOwnAttempts } from '../../services/progress/list-own-attempts.js';
import { bearerAuth } from '../security.js';
import { AttemptsQuerySchema, ConceptParamsSchema, OwnAttemptsSchema } from './schema.js';

const route = createRoute({
  method: 'get',
  path: '/concepts/{ticketId}/attempts',
  tags: ['questions'],
  summary: 'Your own answers on a concept, newest first',
  security: bearerAuth,
  middleware: [requirePermission('LEARNING_VIEW')] as const,
  request: { params: ConceptParamsSchema, query: AttemptsQuerySchema },
  responses: {
    200: {
      description: 'Your attempts with their grades',
      content: { 'application/json': { schema: OwnAttemptsSchema } },
    },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'),
  },
});

export function registerListOwnAttempts(app: App) {
  app.openapi(route, async (c) => {
    const attempts = await listOwnAttempts({
      db: c.get('deps').db,
      viewer: c.get('user'),
      ticketId: c.req.valid('param').ticketId,
      limit: c.req.valid('query').limit,
    });
    return c.json({ attempts }, 200);
  });
}
