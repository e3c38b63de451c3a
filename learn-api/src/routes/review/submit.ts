import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { takeLlmAllowance } from '../../middleware/rate-limit.js';
import { submitReview } from '../../services/review/submit-review.js';
import { bearerAuth } from '../security.js';
import { CardParamsSchema, ReviewInputSchema, ReviewResultSchema } from './schema.js';

const route = createRoute({
  method: 'post',
  path: '/review/{cardId}',
  tags: ['review'],
  summary: "Review a card by answering one of its concept's questions",
  security: bearerAuth,
  middleware: [requirePermission('LEARNING_ANSWER')] as const,
  request: {
    params: CardParamsSchema,
    body: { required: true, content: { 'application/json': { schema: ReviewInputSchema } } },
  },
  responses: {
    201: {
      description: 'The graded answer, the rating it earned and the rescheduled card',
      content: { 'application/json': { schema: ReviewResultSchema } },
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

export function registerSubmitReview(app: App) {
  app.openapi(route, async (c) => {
    const deps = c.get('deps');
    const viewer = c.get('user');
    const result = await submitReview({
      deps,
      viewer,
      cardId: c.req.valid('param').cardId,
      input: c.req.valid('json'),
      beforeLlmCall: () => takeLlmAllowance({ limiter: deps.llmRateLimiter, userId: viewer.sub }),
    });
    return c.json(result, 201);
  });
}
