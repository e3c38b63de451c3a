import type { Logger } from 'pino';
import type { Database } from '../../adapters/database/database.js';
import type { Llm } from '../../adapters/llm/llm.js';
import type { AuthUser } from '../../auth/user.js';
import { ApiError } from '../../errors/api-error.js';
import { gatherMaterial } from './gather-material.js';
import { questionRow } from './generate-questions.js';
import { findVisibleConcept, reviewStatusOfNewQuestions } from './question-access.js';
import { type ReviewedQuestionView, toReviewedQuestionView } from './question-view.js';
import { writeGroundedQuestions } from './write-grounded-questions.js';

/**
 * Replaces a question with a new one of the same kind from the same concept's material. The
 * old question is rejected rather than changed, so the answers given to it keep their meaning.
 * Reviewers may replace any question; learners those of their own personal path.
 */
export async function regenerateQuestion({
  db,
  llm,
  logger,
  viewer,
  questionId,
  now = new Date(),
}: {
  db: Database;
  llm: Llm;
  logger: Logger;
  viewer: AuthUser;
  questionId: string;
  now?: Date;
}): Promise<ReviewedQuestionView> {
  const old = await db.question.findUnique({ where: { id: questionId } });
  if (!old) throw new ApiError('NOT_FOUND', `No question ${questionId}`);
  const concept = await findVisibleConcept({ db, viewer, ticketId: old.ticketId });
  const reviewStatus = reviewStatusOfNewQuestions(viewer, concept);
  const material = await gatherMaterial({ db, concept });
  const existing = await db.question.findMany({
    where: { ticketId: old.ticketId },
    select: { prompt: true },
  });
  const [fresh] = await writeGroundedQuestions({
    llm,
    logger,
    concept,
    material,
    kinds: [old.kind],
    count: 1,
    avoidPrompts: existing.map((row) => row.prompt),
  });
  if (!fresh) {
    throw new ApiError(
      'UNPROCESSABLE',
      `No other ${old.kind} question about "${concept.concept}" can be drawn from its material`,
    );
  }
  const [created] = await db.$transaction([
    db.question.create({ data: questionRow(old.ticketId, llm.id, fresh, reviewStatus) }),
    db.question.update({
      where: { id: old.id },
      data: { reviewStatus: 'rejected', reviewedBy: viewer.sub, reviewedAt: now },
    }),
  ]);
  return toReviewedQuestionView(created);
}
