import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { getPath } from '../../services/paths/get-path.js';
import { pathPermissions } from '../../services/paths/path-access.js';
import { bearerAuth } from '../security.js';
import { PathDetailSchema, PathParamsSchema } from './schema.js';

const route = createRoute({
  method: 'get',
  path: '/paths/{id}',
  tags: ['paths'],
  summary: 'A path: its concepts, their prerequisites, and your status, score and locks',
  security: bearerAuth,
  middleware: [requirePermission(pathPermissions.view)] as const,
  request: { params: PathParamsSchema },
  responses: {
    200: { description: 'The path', content: { 'application/json': { schema: PathDetailSchema } } },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'),
  },
});

export function registerGetPath(app: App) {
  app.openapi(route, async (c) => {
    const path = await getPath({
      deps: c.get('deps'),
      viewer: c.get('user'),
      pathId: c.req.valid('param').id,
    });
    return c.json(path, 200);
  });
}
