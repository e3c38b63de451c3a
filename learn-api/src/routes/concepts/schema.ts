import { z } from '@hono/zod-openapi';
import {
  LearnerQuestionSchema,
  ReviewedQuestionSchema,
} from '../../services/questions/question-view.js';

export { GenerateQuestionsInputSchema } from '../../services/questions/generate-questions.js';

export const ConceptParamsSchema = z.object({
  ticketId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'ticketId', in: 'path' }, example: 12 }),
});

export const ConceptQuestionsSchema = z
  .object({
    questions: z.array(z.union([ReviewedQuestionSchema, LearnerQuestionSchema])).openapi({
      description: 'Reviewers get every question with its answer; learners approved ones only',
    }),
  })
  .openapi('ConceptQuestions');

export const GeneratedQuestionsSchema = z
  .object({
    questions: z.array(z.union([ReviewedQuestionSchema, LearnerQuestionSchema])).openapi({
      description:
        'Reviewers see the expected answers; a learner writing for their own path does not',
    }),
  })
  .openapi('GeneratedQuestions');

export const AttemptsQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .openapi({ param: { name: 'limit', in: 'query' } }),
});

export const OwnAttemptsSchema = z
  .object({
    attempts: z.array(
      z.object({
        id: z.uuid(),
        questionId: z.uuid(),
        prompt: z.string(),
        answer: z.string(),
        score: z.number(),
        feedback: z.object({
          summary: z.string(),
          right: z.array(z.string()),
          missing: z.array(z.string()),
        }),
        answeredAt: z.iso.datetime(),
      }),
    ),
  })
  .openapi('OwnAttempts');
