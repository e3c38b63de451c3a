import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { getPathProgress } from '../../services/paths/get-path-progress.js';
import { pathPermissions } from '../../services/paths/path-access.js';
import { bearerAuth } from '../security.js';
import { PathParamsSchema, PathProgressSchema } from './schema.js';

const route = createRoute({
  method: 'get',
  path: '/paths/{id}/progress',
  tags: ['paths', 'progress'],
  summary: 'Every learner’s standing on each concept of the path (instructors)',
  security: bearerAuth,
  middleware: [requirePermission(pathPermissions.progressAll)] as const,
  request: { params: PathParamsSchema },
  responses: {
    200: {
      description: 'Learner by concept matrix',
      content: { 'application/json': { schema: PathProgressSchema } },
    },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'),
  },
});

export function registerPathProgress(app: App) {
  app.openapi(route, async (c) => {
    const matrix = await getPathProgress({
      deps: c.get('deps'),
      viewer: c.get('user'),
      pathId: c.req.valid('param').id,
    });
    return c.json(matrix, 200);
  });
}
