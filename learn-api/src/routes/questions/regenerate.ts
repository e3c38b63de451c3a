import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { limitLlmUse } from '../../middleware/rate-limit.js';
import { regenerateQuestion } from '../../services/questions/regenerate-question.js';
import { bearerAuth } from '../security.js';
import { QuestionParamsSchema, ReviewedQuestionSchema } from './schema.js';

const route = createRoute({
  method: 'post',
  path: '/questions/{id}/regenerate',
  tags: ['questions'],
  summary:
    'Replace a question with a new one of the same kind; the old one is rejected (reviewers; learners on their personal paths)',
  security: bearerAuth,
  middleware: [requirePermission('LEARNING_VIEW'), limitLlmUse] as const,
  request: { params: QuestionParamsSchema },
  responses: {
    201: {
      description: 'The new question, waiting for review',
      content: { 'application/json': { schema: ReviewedQuestionSchema } },
    },
    ...errorResponses(
      'VALIDATION_FAILED',
      'UNAUTHORIZED',
      'FORBIDDEN',
      'NOT_FOUND',
      'UNPROCESSABLE',
      'RATE_LIMITED',
      'SERVICE_UNAVAILABLE',
    ),
  },
});

export function registerRegenerateQuestion(app: App) {
  app.openapi(route, async (c) => {
    const deps = c.get('deps');
    const question = await regenerateQuestion({
      db: deps.db,
      llm: deps.llm,
      logger: deps.logger,
      viewer: c.get('user'),
      questionId: c.req.valid('param').id,
    });
    return c.json(question, 201);
  });
}
