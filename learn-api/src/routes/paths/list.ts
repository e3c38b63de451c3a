import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { listPaths } from '../../services/paths/list-paths.js';
import { pathPermissions } from '../../services/paths/path-access.js';
import { bearerAuth } from '../security.js';
import { ListPathsQuerySchema, PathListSchema } from './schema.js';

const route = createRoute({
  method: 'get',
  path: '/paths',
  tags: ['paths'],
  summary: 'Learning paths, newest first: the shared paths you may see and your personal ones',
  security: bearerAuth,
  middleware: [requirePermission(pathPermissions.view)] as const,
  request: { query: ListPathsQuerySchema },
  responses: {
    200: {
      description: 'A page of paths',
      content: { 'application/json': { schema: PathListSchema } },
    },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN'),
  },
});

export function registerListPaths(app: App) {
  app.openapi(route, async (c) => {
    const { limit, offset, kind, status } = c.req.valid('query');
    const paths = await listPaths({
      db: c.get('deps').db,
      viewer: c.get('user'),
      limit,
      offset,
      ...(kind ? { kind } : {}),
      ...(status ? { status } : {}),
    });
    return c.json({ paths, limit, offset }, 200);
  });
}
