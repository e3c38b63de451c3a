import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { changePath } from '../../services/paths/change-path.js';
import { pathPermissions } from '../../services/paths/path-access.js';
import { bearerAuth } from '../security.js';
import { ChangePathInputSchema, PathDetailSchema, PathParamsSchema } from './schema.js';

const route = createRoute({
  method: 'patch',
  path: '/paths/{id}',
  tags: ['paths'],
  summary: 'Rename, retune, publish or archive a path (shared paths: instructors)',
  security: bearerAuth,
  middleware: [requirePermission(pathPermissions.view)] as const,
  request: {
    params: PathParamsSchema,
    body: { required: true, content: { 'application/json': { schema: ChangePathInputSchema } } },
  },
  responses: {
    200: { description: 'The path', content: { 'application/json': { schema: PathDetailSchema } } },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'),
  },
});

export function registerChangePath(app: App) {
  app.openapi(route, async (c) => {
    const path = await changePath({
      deps: c.get('deps'),
      viewer: c.get('user'),
      pathId: c.req.valid('param').id,
      input: c.req.valid('json'),
    });
    return c.json(path, 200);
  });
}
