import { z } from '@hono/zod-openapi';
import type { Llm } from '../../adapters/llm/llm.js';
import type { AuthUser } from '../../auth/user.js';
import { ApiError } from '../../errors/api-error.js';
import {
  AnswerResultSchema,
  gradeWithSources,
  toAnswerResult,
} from '../grading/answer-question.js';
import { findAnswerableQuestion } from '../grading/find-answerable-question.js';
import { type KeepAnswerDeps, keepAnswer } from '../grading/keep-answer.js';
import { findTargetRetention } from './find-target-retention.js';
import { ReviewCardSchema, toReviewCardView } from './review-card-view.js';
import { RatingSchema, ratingNames, ratingOfScore, scheduleReview } from './schedule-review.js';

export const ReviewInputSchema = z
  .object({
    questionId: z.uuid().openapi({ description: "One of the card's concept's questions" }),
    answer: z.string().trim().min(1, 'must not be empty').max(5_000),
  })
  .strict()
  .openapi('ReviewInput');

export const ReviewResultSchema = AnswerResultSchema.extend({
  rating: RatingSchema,
  card: ReviewCardSchema.openapi({
    description: 'The card after this review; `due` is the next review',
  }),
}).openapi('ReviewResult');
export type ReviewResult = z.infer<typeof ReviewResultSchema>;

/**
 * Reviews one of the caller's cards with an answer to one of its concept's questions: the
 * answer is graded and kept, its score becomes the FSRS rating, and the card is rescheduled.
 */
export async function submitReview({
  deps,
  viewer,
  cardId,
  input: raw,
  beforeLlmCall,
  now = new Date(),
}: {
  deps: KeepAnswerDeps & { llm: Llm };
  viewer: AuthUser;
  cardId: string;
  input: z.input<typeof ReviewInputSchema>;
  beforeLlmCall: () => Promise<void>;
  now?: Date;
}): Promise<ReviewResult> {
  const { questionId, answer } = ReviewInputSchema.parse(raw);
  const { db, llm } = deps;
  const notFound = () => new ApiError('NOT_FOUND', `No review card ${cardId}`);
  const card = await db.reviewCard.findFirst({
    where: { id: cardId, cognitoUserId: viewer.sub },
    include: { ticket: { select: { summary: true } } },
  });
  if (!card) throw notFound();
  const question = await findAnswerableQuestion({ db, viewer, questionId });
  if (question.ticketId !== card.ticketId) {
    throw new ApiError(
      'NOT_FOUND',
      `Question ${questionId} is not a question of this card's concept (#${card.ticketId})`,
    );
  }
  const { grade, suggestions } = await gradeWithSources({
    db,
    llm,
    question,
    answer,
    beforeLlmCall,
  });
  const rating = ratingOfScore({ score: grade.score, difficulty: question.difficulty });

  const kept = await keepAnswer({
    deps,
    userId: viewer.sub,
    username: viewer.username,
    question,
    answer,
    grade,
    suggestions,
    at: now,
    alsoInTransaction: async (tx, attempt) => {
      // Two reviews of one card at once would both schedule from the same state.
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM learning.review_cards WHERE id = ${cardId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw notFound();
      const current = await tx.reviewCard.findUniqueOrThrow({ where: { id: cardId } });
      const next = scheduleReview({
        card: current,
        rating,
        now,
        targetRetention: await findTargetRetention({ db: tx, ticketId: card.ticketId }),
      });
      const saved = await tx.reviewCard.update({ where: { id: cardId }, data: next.card });
      await tx.reviewLog.create({ data: { ...next.log, cardId, attemptId: attempt.id } });
      return saved;
    },
  });
  return {
    ...toAnswerResult(question, kept, grade, suggestions),
    rating: ratingNames[rating],
    card: toReviewCardView(kept.extra, card.ticket.summary ?? `#${card.ticketId}`),
  };
}
