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
