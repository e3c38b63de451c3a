import { z } from '@hono/zod-openapi';
import type { Question } from '@learntrac/db';
import type { Database } from '../../adapters/database/database.js';
import type { AuthUser } from '../../auth/user.js';
import { visibleConcepts } from '../questions/question-access.js';
import { LearnerQuestionSchema, toLearnerQuestionView } from '../questions/question-view.js';
import { ReviewCardSchema, toReviewCardView } from './review-card-view.js';

export const DueCardSchema = ReviewCardSchema.extend({
  // A union rather than `.nullable()`, which OpenAPI 3.0 renders as an object type-checkers misread.
  question: z.union([LearnerQuestionSchema, z.null()]).openapi({
    description: 'The question to answer for this review: the one answered longest ago',
  }),
}).openapi('DueCard');
export type DueCard = z.infer<typeof DueCardSchema>;

/** Picks, for each concept, the approved question this learner answered longest ago (or never). */
async function pickQuestions(
  db: Database,
  userId: string,
  ticketIds: number[],
): Promise<Map<number, Question>> {
  const [questions, answered] = await Promise.all([
    db.question.findMany({
      where: { ticketId: { in: ticketIds }, reviewStatus: 'approved' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    db.answerAttempt.groupBy({
      by: ['questionId'],
      where: { cognitoUserId: userId, ticketId: { in: ticketIds } },
      _max: { createdAt: true },
    }),
  ]);
  const lastAnswered = new Map(
    answered.map((row) => [row.questionId, row._max.createdAt?.getTime() ?? 0]),
  );
  const picked = new Map<number, Question>();
  for (const question of questions) {
    const current = picked.get(question.ticketId);
    const when = lastAnswered.get(question.id) ?? -1;
    if (!current || when < (lastAnswered.get(current.id) ?? -1))
      picked.set(question.ticketId, question);
  }
  return picked;
}

/**
 * The caller's cards due by `until` (now unless given), most overdue first, each with a question
 * to answer.
 */
export async function listDueCards({
  db,
  viewer,
  limit,
  until = new Date(),
}: {
  db: Database;
  viewer: AuthUser;
  limit: number;
  until?: Date;
}): Promise<DueCard[]> {
  const cards = await db.reviewCard.findMany({
    where: {
      cognitoUserId: viewer.sub,
      due: { lte: until },
      ticket: { conceptMetadata: { some: visibleConcepts(viewer) } },
    },
    include: { ticket: { select: { summary: true } } },
    orderBy: [{ due: 'asc' }, { id: 'asc' }],
    take: limit,
  });
  const questions = await pickQuestions(
    db,
    viewer.sub,
    cards.map((card) => card.ticketId),
  );
  return cards.map((card) => {
    const question = questions.get(card.ticketId);
    return {
      ...toReviewCardView(card, card.ticket.summary ?? `#${card.ticketId}`),
      question: question ? toLearnerQuestionView(question) : null,
    };
  });
}
