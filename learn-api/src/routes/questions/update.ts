import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { updateQuestion } from '../../services/questions/update-question.js';
import { bearerAuth } from '../security.js';
import {
  QuestionParamsSchema,
  ReviewedQuestionSchema,
  UpdateQuestionInputSchema,
} from './schema.js';

const route = createRoute({
  method: 'patch',
  path: '/questions/{id}',
  tags: ['questions'],
  summary: 'Approve, reject or edit a question',
  security: bearerAuth,
  middleware: [requirePermission('LEARNING_REVIEW')] as const,
  request: {
    params: QuestionParamsSchema,
    body: {
      required: true,
      content: { 'application/json': { schema: UpdateQuestionInputSchema } },
    },
  },
  responses: {
    200: {
      description: 'The question as it now stands',
      content: { 'application/json': { schema: ReviewedQuestionSchema } },
    },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'),
  },
});

export function registerUpdateQuestion(app: App) {
  app.openapi(route, async (c) => {
    const question = await updateQuestion({
      db: c.get('deps').db,
      reviewer: c.get('user'),
      questionId: c.req.valid('param').id,
      input: c.req.valid('json'),
    });
    return c.json(question, 200);
  });
}
