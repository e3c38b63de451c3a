import { z } from '@hono/zod-openapi';
import type { Question } from '@learntrac/db';
import { bloomLevels, questionKinds } from '../../adapters/llm/llm.js';

export const ReviewStatusSchema = z
  .enum(['pending', 'approved', 'rejected'])
  .openapi('ReviewStatus');
export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;

/** What a learner sees: never the expected answer. */
export const LearnerQuestionSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(questionKinds).openapi({ description: 'open, choice (multiple choice) or cloze' }),
    prompt: z.string().openapi({ description: 'Cloze prompts mark the missing words with _____' }),
    choices: z.array(z.string()).optional().openapi({ description: 'Choice questions only' }),
    difficulty: z.number().int().min(1).max(5),
    sourceChunkIds: z.array(z.uuid()),
  })
  .openapi('LearnerQuestion');

/** What a reviewer sees: the answer, the Bloom level and the review state too. */
export const ReviewedQuestionSchema = LearnerQuestionSchema.extend({
  ticketId: z.number().int(),
  expectedAnswer: z.string(),
  keyTerms: z.array(z.string()),
  bloomLevel: z.enum(bloomLevels),
  reviewStatus: ReviewStatusSchema,
  generator: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
}).openapi('ReviewedQuestion');

export type LearnerQuestionView = z.infer<typeof LearnerQuestionSchema>;
export type ReviewedQuestionView = z.infer<typeof ReviewedQuestionSchema>;

export function toLearnerQuestionView(row: Question): LearnerQuestionView {
  return {
    id: row.id,
    kind: row.kind,
    prompt: row.prompt,
    ...(row.kind === 'choice' ? { choices: row.choices } : {}),
    difficulty: row.difficulty,
    sourceChunkIds: row.sourceChunkIds,
  };
}

export function toReviewedQuestionView(row: Question): ReviewedQuestionView {
  return {
    ...toLearnerQuestionView(row),
    ticketId: row.ticketId,
    expectedAnswer: row.expectedAnswer,
    keyTerms: row.keyTerms,
    bloomLevel: row.bloomLevel,
    reviewStatus: ReviewStatusSchema.parse(row.reviewStatus),
    generator: row.generator,
    reviewedBy: row.reviewedBy,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
