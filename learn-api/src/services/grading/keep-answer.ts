import type { AnswerAttempt, Prisma, Question } from '@learntrac/db';
import type { Database } from '../../adapters/database/database.js';
import type { CacheDeps } from '../paths/path-cache.js';
import {
  type ConceptProgress,
  forgetLearnerProgress,
  recordConceptProgress,
} from '../paths/record-concept-progress.js';
import { rememberLearner } from '../paths/remember-learner.js';
import type { Grade } from './grade-answer.js';
import type { ReadingSuggestion } from './question-sources.js';

export type KeepAnswerDeps = CacheDeps & { db: Database };

/**
 * Keeps a graded answer (every attempt is kept), remembers the learner's name, moves the learner's progress on the concept,
 * and runs `alsoInTransaction` (the review card's update) in the same transaction: all or
 * nothing.
 */
export async function keepAnswer<Extra>({
  deps,
  userId,
  username,
  question,
  answer,
  grade,
  suggestions,
  at,
  alsoInTransaction,
}: {
  deps: KeepAnswerDeps;
  userId: string;
  /** The learner's user name now, so instructors see their class by name. */
  username: string;
  question: Question;
  answer: string;
  grade: Grade;
  suggestions: ReadingSuggestion[];
  at: Date;
  alsoInTransaction: (tx: Prisma.TransactionClient, attempt: AnswerAttempt) => Promise<Extra>;
}): Promise<{ attempt: AnswerAttempt; progress: ConceptProgress; extra: Extra }> {
  const kept = await deps.db.$transaction(async (tx) => {
    await rememberLearner({ tx, sub: userId, username, at });
    const attempt = await tx.answerAttempt.create({
      data: {
        questionId: question.id,
        ticketId: question.ticketId,
        cognitoUserId: userId,
        answer,
        score: grade.score,
        grader: grade.grader,
        feedback: {
          summary: grade.summary,
          right: grade.right,
          missing: grade.missing,
          suggestions,
        },
        createdAt: at,
      },
    });
    const progress = await recordConceptProgress({
      deps,
      tx,
      userId,
      ticketId: question.ticketId,
      score: grade.score,
      at,
    });
    return { attempt, progress, extra: await alsoInTransaction(tx, attempt) };
  });
  // A reader that cached the learner's progress while the transaction ran must not keep it.
  await forgetLearnerProgress({ deps, userId });
  return kept;
}
