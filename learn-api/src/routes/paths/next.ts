import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { findNextSteps } from '../../services/paths/find-next-steps.js';
import { pathPermissions } from '../../services/paths/path-access.js';
import { bearerAuth } from '../security.js';
import { NextStepsSchema, PathParamsSchema } from './schema.js';

const route = createRoute({
  method: 'get',
  path: '/paths/{id}/next',
  tags: ['paths', 'progress'],
  summary: 'What you are ready to learn on the path, and your reviews that are due',
  security: bearerAuth,
  middleware: [requirePermission(pathPermissions.view)] as const,
  request: { params: PathParamsSchema },
  responses: {
    200: {
      description: 'Ready concepts and due reviews',
      content: { 'application/json': { schema: NextStepsSchema } },
    },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'),
  },
});

export function registerNextSteps(app: App) {
  app.openapi(route, async (c) => {
    const next = await findNextSteps({
      deps: c.get('deps'),
      viewer: c.get('user'),
      pathId: c.req.valid('param').id,
    });
    return c.json(next, 200);
  });
}
