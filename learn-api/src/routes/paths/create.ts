import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { createPath } from '../../services/create-path.js';
import { bearerAuth } from '../security.js';
import { CreatePathInputSchema, PathSchema } from './schema.js';

const route = createRoute({
  method: 'post',
  path: '/paths',
  tags: ['paths'],
  summary: 'Create a learning path (LEARNING_MANAGE: instructors and admins)',
  security: bearerAuth,
  middleware: [requirePermission('LEARNING_MANAGE')] as const,
  request: {
    body: { required: true, content: { 'application/json': { schema: CreatePathInputSchema } } },
  },
  responses: {
    201: { description: 'The new path', content: { 'application/json': { schema: PathSchema } } },
    ...errorResponses('BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN'),
  },
});

export function registerCreatePath(app: App) {
  app.openapi(route, async (c) => {
    const path = await createPath({
      db: c.get('deps').db,
      author: c.get('user'),
      input: c.req.valid('json'),
    });
    return c.json(path, 201);
  });
}
