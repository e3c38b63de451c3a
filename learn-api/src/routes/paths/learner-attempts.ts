import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import {
  LearnerAttemptSchema,
  listLearnerAttempts,
} from '../../services/paths/list-learner-attempts.js';
import { pathPermissions } from '../../services/paths/path-access.js';
import { bearerAuth } from '../security.js';
import { PathParamsSchema } from './schema.js';

const LearnerParamsSchema = PathParamsSchema.extend({
  learnerId: z
    .string()
    .min(1)
    .max(200)
    .openapi({
      param: { name: 'learnerId', in: 'path' },
      description: 'The learner’s Cognito sub',
    }),
});

const LearnerAttemptsSchema = z
  .object({ pathId: z.uuid(), learnerId: z.string(), attempts: z.array(LearnerAttemptSchema) })
  .openapi('LearnerAttempts');

const route = createRoute({
  method: 'get',
  path: '/paths/{id}/learners/{learnerId}/attempts',
  tags: ['paths', 'progress'],
  summary: 'One learner’s answers on the path, newest first (instructors)',
  security: bearerAuth,
  middleware: [requirePermission(pathPermissions.progressAll)] as const,
  request: { params: LearnerParamsSchema },
  responses: {
    200: {
      description: 'The attempts, at most 500',
      content: { 'application/json': { schema: LearnerAttemptsSchema } },
    },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'),
  },
});

export function registerLearnerAttempts(app: App) {
  app.openapi(route, async (c) => {
    const { id: pathId, learnerId } = c.req.valid('param');
    const attempts = await listLearnerAttempts({
      deps: c.get('deps'),
      viewer: c.get('user'),
      pathId,
      learnerId,
    });
    return c.json({ pathId, learnerId, attempts }, 200);
  });
}
