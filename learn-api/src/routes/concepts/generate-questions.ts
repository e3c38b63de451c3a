import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { limitLlmUse } from '../../middleware/rate-limit.js';
import { generateQuestions } from '../../services/questions/generate-questions.js';
import { bearerAuth } from '../security.js';
import {
  ConceptParamsSchema,
  GeneratedQuestionsSchema,
  GenerateQuestionsInputSchema,
} from './schema.js';

const route = createRoute({
  method: 'post',
  path: '/concepts/{ticketId}/questions/generate',
  tags: ['questions'],
  summary:
    'Write new questions for a concept from its material (reviewers; learners for their personal paths)',
  security: bearerAuth,
  middleware: [requirePermission('LEARNING_VIEW'), limitLlmUse] as const,
  request: {
    params: ConceptParamsSchema,
    body: {
      required: false,
      content: { 'application/json': { schema: GenerateQuestionsInputSchema } },
    },
  },
  responses: {
    201: {
      description: 'The new questions, each grounded in its source chunks',
      content: { 'application/json': { schema: GeneratedQuestionsSchema } },
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

export function registerGenerateQuestions(app: App) {
  app.openapi(route, async (c) => {
    const deps = c.get('deps');
    const questions = await generateQuestions({
      db: deps.db,
      llm: deps.llm,
      logger: deps.logger,
      author: c.get('user'),
      ticketId: c.req.valid('param').ticketId,
      input: c.req.valid('json') ?? {},
    });
    return c.json({ questions }, 201);
  });
}
