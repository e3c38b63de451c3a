import type { Database } from '../../adapters/database/database.js';
import type { AuthUser } from '../../auth/user.js';
import { canReviewQuestions, findVisibleConcept } from './question-access.js';
import {
  type LearnerQuestionView,
  type ReviewedQuestionView,
  toLearnerQuestionView,
  toReviewedQuestionView,
} from './question-view.js';

/**
 * A concept's questions, easiest first. Reviewers see every question with its answer;
 * learners see approved questions only, without answers.
 */
export async function listConceptQuestions({
  db,
  viewer,
  ticketId,
}: {
  db: Database;
  viewer: AuthUser;
  ticketId: number;
}): Promise<LearnerQuestionView[] | ReviewedQuestionView[]> {
  await findVisibleConcept({ db, viewer, ticketId });
  const reviewer = canReviewQuestions(viewer);
  const rows = await db.question.findMany({
    where: { ticketId, ...(reviewer ? {} : { reviewStatus: 'approved' }) },
    orderBy: [{ difficulty: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
  });
  return reviewer ? rows.map(toReviewedQuestionView) : rows.map(toLearnerQuestionView);
}
