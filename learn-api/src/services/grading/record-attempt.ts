import type { Prisma, Question } from '@learntrac/db';
import type { Grade } from './grade-answer.js';
import type { ReadingSuggestion } from './question-sources.js';

/** Keeps an answer with its grade; every attempt is kept. Runs inside the caller's transaction. */
export async function recordAttempt({
  tx,
  userId,
  question,
  answer,
  grade,
  suggestions,
  at,
}: {
  tx: Prisma.TransactionClient;
  userId: string;
  question: Question;
  answer: string;
  grade: Grade;
  suggestions: ReadingSuggestion[];
  at: Date;
}) {
  return tx.answerAttempt.create({
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
}
