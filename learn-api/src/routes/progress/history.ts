import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { pathPermissions } from '../../services/paths/path-access.js';
import { getProgressHistory } from '../../services/progress/get-progress-history.js';
import { bearerAuth } from '../security.js';
import { ProgressHistoryQuerySchema, ProgressHistorySchema } from './schema.js';

const route = createRoute({
  method: 'get',
  path: '/progress/history',
  tags: ['progress'],
  summary: 'Your mastery and answers day by day',
  security: bearerAuth,
  middleware: [requirePermission(pathPermissions.view)] as const,
  request: { query: ProgressHistoryQuerySchema },
  responses: {
    200: {
      description: 'One entry per day, oldest first, today last',
      content: { 'application/json': { schema: ProgressHistorySchema } },
    },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'),
  },
});

export function registerGetProgressHistory(app: App) {
  app.openapi(route, async (c) => {
    const history = await getProgressHistory({
      deps: c.get('deps'),
      viewer: c.get('user'),
      input: c.req.valid('query'),
    });
    return c.json(history, 200);
  });
}
