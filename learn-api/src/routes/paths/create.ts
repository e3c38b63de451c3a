import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { createPath } from '../../services/paths/create-path.js';
import { pathPermissions } from '../../services/paths/path-access.js';
import { bearerAuth } from '../security.js';
import { CreatePathInputSchema, PathDetailSchema } from './schema.js';

const route = createRoute({
  method: 'post',
  path: '/paths',
  tags: ['paths'],
  summary: 'Build a path of concept tickets from material (shared paths: instructors)',
  description:
    'Picks the concepts of the material found by `query` or given as `chunkIds`, creates one ' +
    'concept ticket per concept with prerequisites read from the material, in one transaction.',
  security: bearerAuth,
  middleware: [requirePermission(pathPermissions.view)] as const,
  request: {
    body: { required: true, content: { 'application/json': { schema: CreatePathInputSchema } } },
  },
  responses: {
    201: {
      description: 'The new path with its concepts',
      content: { 'application/json': { schema: PathDetailSchema } },
    },
    ...errorResponses(
      'VALIDATION_FAILED',
      'UNAUTHORIZED',
      'FORBIDDEN',
      'NOT_FOUND',
      'UNPROCESSABLE',
    ),
  },
});

export function registerCreatePath(app: App) {
  app.openapi(route, async (c) => {
    const path = await createPath({
      deps: c.get('deps'),
      author: c.get('user'),
      input: c.req.valid('json'),
    });
    return c.json(path, 201);
  });
}
