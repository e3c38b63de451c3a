import type { Prisma, Question } from '@learntrac/db';
import { findTargetRetention } from './find-target-retention.js';
import { ratingOfScore, scheduleReview } from './schedule-review.js';

/**
 * Gives the learner a review card for the question's concept, scheduled by this first answer,
 * unless they have one. Concurrent first answers make one card: the second insert is skipped.
 */
export async function startReviewCard({
  tx,
  userId,
  question,
  score,
  attemptId,
  now,
}: {
  tx: Prisma.TransactionClient;
  userId: string;
  question: Pick<Question, 'ticketId' | 'difficulty'>;
  score: number;
  attemptId: string;
  now: Date;
}): Promise<void> {
  const existing = await tx.reviewCard.findUnique({
    where: { cognitoUserId_ticketId: { cognitoUserId: userId, ticketId: question.ticketId } },
    select: { id: true },
  });
  if (existing) return;
  const { card, log } = scheduleReview({
    card: null,
    rating: ratingOfScore({ score, difficulty: question.difficulty }),
    now,
    targetRetention: await findTargetRetention({ db: tx, ticketId: question.ticketId }),
  });
  const [created] = await tx.reviewCard.createManyAndReturn({
    data: [{ cognitoUserId: userId, ticketId: question.ticketId, ...card }],
    skipDuplicates: true,
  });
  if (created) await tx.reviewLog.create({ data: { ...log, cardId: created.id, attemptId } });
}
