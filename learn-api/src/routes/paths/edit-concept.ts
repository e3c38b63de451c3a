import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { editConcept } from '../../services/paths/edit-concept.js';
import { pathPermissions } from '../../services/paths/path-access.js';
import { bearerAuth } from '../security.js';
import { ConceptParamsSchema, EditConceptInputSchema, PathDetailSchema } from './schema.js';

const route = createRoute({
  method: 'patch',
  path: '/paths/{id}/concepts/{ticketId}',
  tags: ['paths'],
  summary: 'Change a concept of a path: name, description, difficulty, mastery threshold',
  security: bearerAuth,
  middleware: [requirePermission(pathPermissions.view)] as const,
  request: {
    params: ConceptParamsSchema,
    body: { required: true, content: { 'application/json': { schema: EditConceptInputSchema } } },
  },
  responses: {
    200: { description: 'The path', content: { 'application/json': { schema: PathDetailSchema } } },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'),
  },
});

export function registerEditConcept(app: App) {
  app.openapi(route, async (c) => {
    const { id, ticketId } = c.req.valid('param');
    const path = await editConcept({
      deps: c.get('deps'),
      viewer: c.get('user'),
      pathId: id,
      ticketId,
      input: c.req.valid('json'),
    });
    return c.json(path, 200);
  });
}
