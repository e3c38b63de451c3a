import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { takeLlmAllowance } from '../../middleware/rate-limit.js';
import { answerQuestion } from '../../services/grading/answer-question.js';
import { bearerAuth } from '../security.js';
import { AnswerInputSchema, AnswerResultSchema, QuestionParamsSchema } from './schema.js';

const route = createRoute({
  method: 'post',
  path: '/questions/{id}/answers',
  tags: ['answers'],
  summary: 'Answer a question: graded at once, with feedback; every attempt is kept',
  security: bearerAuth,
  middleware: [requirePermission('LEARNING_ANSWER')] as const,
  request: {
    params: QuestionParamsSchema,
    body: { required: true, content: { 'application/json': { schema: AnswerInputSchema } } },
  },
  responses: {
    201: {
      description: 'The graded attempt',
      content: { 'application/json': { schema: AnswerResultSchema } },
    },
    ...errorResponses(
      'VALIDATION_FAILED',
      'UNAUTHORIZED',
      'FORBIDDEN',
      'NOT_FOUND',
      'RATE_LIMITED',
      'SERVICE_UNAVAILABLE',
    ),
  },
});

export function registerAnswerQuestion(app: App) {
  app.openapi(route, async (c) => {
    const deps = c.get('deps');
    const viewer = c.get('user');
    const result = await answerQuestion({
      deps,
      viewer,
      questionId: c.req.valid('param').id,
      input: c.req.valid('json'),
      beforeLlmCall: () => takeLlmAllowance({ limiter: deps.llmRateLimiter, userId: viewer.sub }),
    });
    return c.json(result, 201);
  });
}
