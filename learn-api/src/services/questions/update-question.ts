import { z } from '@hono/zod-openapi';
import type { Database } from '../../adapters/database/database.js';
import { bloomLevelOfDifficulty, clozeBlank } from '../../adapters/llm/llm.js';
import { normaliseAnswer } from '../../adapters/llm/text-analysis.js';
import type { AuthUser } from '../../auth/user.js';
import { assertUserCan } from '../../auth/user-can.js';
import { ApiError } from '../../errors/api-error.js';
import {
  type ReviewedQuestionView,
  ReviewStatusSchema,
  toReviewedQuestionView,
} from './question-view.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export const UpdateQuestionInputSchema = z
  .object({
    reviewStatus: ReviewStatusSchema.optional(),
    prompt: text(2_000).optional(),
    expectedAnswer: text(2_000).optional(),
    choices: z.array(text(300)).min(2).max(8).optional(),
    keyTerms: z.array(text(200)).max(20).optional(),
    difficulty: z.number().int().min(1).max(5).optional(),
  })
  .strict()
  .refine((input) => Object.keys(input).length > 0, 'Name at least one field to change')
  .openapi('UpdateQuestionInput');

function invalid(path: string, message: string): ApiError {
  return new ApiError('VALIDATION_FAILED', 'The request body is not valid', {
    issues: [{ path, message }],
  });
}

/** Approves, rejects or edits a question; the edited question must still be well formed. */
export async function updateQuestion({
  db,
  reviewer,
  questionId,
  input: raw,
  now = new Date(),
}: {
  db: Database;
  reviewer: AuthUser;
  questionId: string;
  input: z.input<typeof UpdateQuestionInputSchema>;
  now?: Date;
}): Promise<ReviewedQuestionView> {
  const input = UpdateQuestionInputSchema.parse(raw);
  assertUserCan(reviewer, 'LEARNING_REVIEW');
  const current = await db.question.findUnique({ where: { id: questionId } });
  if (!current) throw new ApiError('NOT_FOUND', `No question ${questionId}`);

  const prompt = input.prompt ?? current.prompt;
  const expectedAnswer = input.expectedAnswer ?? current.expectedAnswer;
  const choices = input.choices ?? current.choices;
  if (current.kind === 'choice') {
    const options = choices.map(normaliseAnswer);
    if (new Set(options).size !== options.length) {
      throw invalid('choices', 'must not repeat an option');
    }
    if (!options.includes(normaliseAnswer(expectedAnswer))) {
      throw invalid('expectedAnswer', 'must be one of the choices');
    }
  } else if (input.choices) {
    throw invalid('choices', `a ${current.kind} question has no choices`);
  }
  if (current.kind === 'cloze' && !prompt.includes(clozeBlank)) {
    throw invalid('prompt', `a cloze prompt marks the missing words with ${clozeBlank}`);
  }

  const row = await db.question.update({
    where: { id: questionId },
    data: {
      prompt,
      // The stored answer is the option as shown, so exact grading compares like with like.
      expectedAnswer:
        current.kind === 'choice'
          ? choices.find((choice) => normaliseAnswer(choice) === normaliseAnswer(expectedAnswer))!
          : expectedAnswer,
      choices,
      ...(input.keyTerms ? { keyTerms: input.keyTerms } : {}),
      ...(input.difficulty
        ? { difficulty: input.difficulty, bloomLevel: bloomLevelOfDifficulty(input.difficulty) }
        : {}),
      ...(input.reviewStatus ? { reviewStatus: input.reviewStatus } : {}),
      reviewedBy: reviewer.sub,
      reviewedAt: now,
    },
  });
  return toReviewedQuestionView(row);
}
