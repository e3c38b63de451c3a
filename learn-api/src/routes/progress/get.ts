import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { getOwnProgress } from '../../services/paths/get-own-progress.js';
import { pathPermissions } from '../../services/paths/path-access.js';
import { bearerAuth } from '../security.js';
import { OwnProgressSchema } from './schema.js';

const route = createRoute({
  method: 'get',
  path: '/progress',
  tags: ['progress'],
  summary: 'Your standing on every concept you worked on, and per path',
  security: bearerAuth,
  middleware: [requirePermission(pathPermissions.view)] as const,
  responses: {
    200: {
      description: 'Your progress',
      content: { 'application/json': { schema: OwnProgressSchema } },
    },
    ...errorResponses('UNAUTHORIZED', 'FORBIDDEN'),
  },
});

export function registerGetOwnProgress(app: App) {
  app.openapi(route, async (c) => {
    const progress = await getOwnProgress({ deps: c.get('deps'), viewer: c.get('user') });
    return c.json(progress, 200);
  });
}
