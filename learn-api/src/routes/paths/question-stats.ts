import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { getQuestionStats, QuestionStatsSchema } from '../../services/paths/get-question-stats.js';
import { pathPermissions } from '../../services/paths/path-access.js';
import { bearerAuth } from '../security.js';
import { PathParamsSchema } from './schema.js';

const PathQuestionStatsSchema = z
  .object({ pathId: z.uuid(), questions: z.array(QuestionStatsSchema) })
  .openapi('PathQuestionStats');

const route = createRoute({
  method: 'get',
  path: '/paths/{id}/question-stats',
  tags: ['paths', 'progress'],
  summary: 'How each question of the path fares: attempts, learners, mean score (instructors)',
  security: bearerAuth,
  middleware: [requirePermission(pathPermissions.progressAll)] as const,
  request: { params: PathParamsSchema },
  responses: {
    200: {
      description: 'One entry per question, in path order',
      content: { 'application/json': { schema: PathQuestionStatsSchema } },
    },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'),
  },
});

export function registerQuestionStats(app: App) {
  app.openapi(route, async (c) => {
    const pathId = c.req.valid('param').id;
    const questions = await getQuestionStats({
      deps: c.get('deps'),
      viewer: c.get('user'),
      pathId,
    });
    return c.json({ pathId, questions }, 200);
  });
}
