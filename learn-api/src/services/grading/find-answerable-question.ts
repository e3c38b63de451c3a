import type { Question } from '@learntrac/db';
import type { Database } from '../../adapters/database/database.js';
import type { AuthUser } from '../../auth/user.js';
import { ApiError } from '../../errors/api-error.js';
import { canReviewQuestions, visibleConcepts } from '../questions/question-access.js';

/**
 * A question the viewer may answer: an approved question of a concept on one of their paths
 * (reviewers may try any question). Anything else is 404, so nothing about it is revealed.
 */
export async function findAnswerableQuestion({
  db,
  viewer,
  questionId,
}: {
  db: Database;
  viewer: AuthUser;
  questionId: string;
}): Promise<Question> {
  const reviewer = canReviewQuestions(viewer);
  const question = await db.question.findFirst({
    where: {
      id: questionId,
      ...(reviewer ? {} : { reviewStatus: 'approved' }),
      ticket: { conceptMetadata: { some: visibleConcepts(viewer) } },
    },
  });
  if (!question) throw new ApiError('NOT_FOUND', `No question ${questionId}`);
  return question;
}
