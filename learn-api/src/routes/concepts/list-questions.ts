import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { listConceptQuestions } from '../../services/questions/list-concept-questions.js';
import { bearerAuth } from '../security.js';
import { ConceptParamsSchema, ConceptQuestionsSchema } from './schema.js';

const route = createRoute({
  method: 'get',
  path: '/concepts/{ticketId}/questions',
  tags: ['questions'],
  summary: "A concept's questions (learners: approved ones, without answers)",
  security: bearerAuth,
  middleware: [requirePermission('LEARNING_VIEW')] as const,
  request: { params: ConceptParamsSchema },
  responses: {
    200: {
      description: 'The questions, easiest first',
      content: { 'application/json': { schema: ConceptQuestionsSchema } },
    },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'),
  },
});

export function registerListConceptQuestions(app: App) {
  app.openapi(route, async (c) => {
    const questions = await listConceptQuestions({
      db: c.get('deps').db,
      viewer: c.get('user'),
      ticketId: c.req.valid('param').ticketId,
    });
    return c.json({ questions }, 200);
  });
}
