import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { addPathPrerequisite } from '../../services/paths/change-prerequisite.js';
import { pathPermissions } from '../../services/paths/path-access.js';
import { bearerAuth } from '../security.js';
import { PathDetailSchema, PrerequisiteParamsSchema } from './schema.js';

const route = createRoute({
  method: 'put',
  path: '/paths/{id}/concepts/{ticketId}/prerequisites/{prerequisiteId}',
  tags: ['paths'],
  summary: 'Make the concept need another concept of the path first',
  description:
    'Adding an existing prerequisite changes nothing. Refused with 409 when the edge would close a cycle; the message names it (`#12 -> #15 -> #12`).',
  security: bearerAuth,
  middleware: [requirePermission(pathPermissions.view)] as const,
  request: { params: PrerequisiteParamsSchema },
  responses: {
    200: { description: 'The path', content: { 'application/json': { schema: PathDetailSchema } } },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'),
  },
});

export function registerAddPrerequisite(app: App) {
  app.openapi(route, async (c) => {
    const { id, ticketId, prerequisiteId } = c.req.valid('param');
    const path = await addPathPrerequisite({
      deps: c.get('deps'),
      viewer: c.get('user'),
      pathId: id,
      ticketId,
      prerequisiteId,
    });
    return c.json(path, 200);
  });
}
