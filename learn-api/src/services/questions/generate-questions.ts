import { z } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Database } from '../../adapters/database/database.js';
import {
  difficultyOfBloomLevel,
  type GeneratedQuestion,
  type Llm,
  questionKinds,
} from '../../adapters/llm/llm.js';
import type { AuthUser } from '../../auth/user.js';
import { ApiError } from '../../errors/api-error.js';
import { gatherMaterial } from './gather-material.js';
import {
  canReviewQuestions,
  findVisibleConcept,
  reviewStatusOfNewQuestions,
} from './question-access.js';
import {
  type LearnerQuestionView,
  type ReviewedQuestionView,
  toLearnerQuestionView,
  toReviewedQuestionView,
} from './question-view.js';
import { writeGroundedQuestions } from './write-grounded-questions.js';

export const GenerateQuestionsInputSchema = z
  .object({
    kinds: z
      .array(z.enum(questionKinds))
      .min(1)
      .refine((kinds) => new Set(kinds).size === kinds.length, 'must not repeat a kind')
      .default([...questionKinds]),
    count: z.number().int().min(1).max(20).default(6),
  })
  .openapi('GenerateQuestionsInput');

/** The row a generated question becomes. */
export function questionRow(
  ticketId: number,
  generator: string,
  question: GeneratedQuestion,
  reviewStatus: 'pending' | 'approved',
) {
  return {
    ticketId,
    kind: question.kind,
    prompt: question.prompt,
    expectedAnswer: question.expectedAnswer,
    choices: question.kind === 'choice' ? question.choices : [],
    keyTerms: question.keyTerms,
    sourceChunkIds: question.sourceChunkIds,
    bloomLevel: question.bloomLevel,
    difficulty: difficultyOfBloomLevel(question.bloomLevel),
    generator,
    reviewStatus,
  };
}

/**
 * Writes new questions for a concept from its material. On a shared path they wait for a
 * reviewer; on a learner's personal path they are ready at once.
 */
export async function generateQuestions({
  db,
  llm,
  logger,
  author,
  ticketId,
  input: raw,
}: {
  db: Database;
  llm: Llm;
  logger: Logger;
  author: AuthUser;
  ticketId: number;
  input: z.input<typeof GenerateQuestionsInputSchema>;
}): Promise<(ReviewedQuestionView | LearnerQuestionView)[]> {
  const input = GenerateQuestionsInputSchema.parse(raw);
  const concept = await findVisibleConcept({ db, viewer: author, ticketId });
  const reviewStatus = reviewStatusOfNewQuestions(author, concept);
  const material = await gatherMaterial({ db, concept });
  const existing = await db.question.findMany({ where: { ticketId }, select: { prompt: true } });
  const questions = await writeGroundedQuestions({
    llm,
    logger,
    concept,
    material,
    kinds: input.kinds,
    count: input.count,
    avoidPrompts: existing.map((row) => row.prompt),
  });
  if (questions.length === 0) {
    throw new ApiError(
      'UNPROCESSABLE',
      `No new ${input.kinds.join(', ')} question about "${concept.concept}" can be drawn from its material`,
    );
  }
  const rows = await db.question.createManyAndReturn({
    data: questions.map((question) => questionRow(ticketId, llm.id, question, reviewStatus)),
  });
  // A learner writing questions for their own path must not see the answers before answering.
  return rows.map(canReviewQuestions(author) ? toReviewedQuestionView : toLearnerQuestionView);
}
