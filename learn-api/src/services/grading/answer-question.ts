import { z } from '@hono/zod-openapi';
import type { AnswerAttempt, Question } from '@learntrac/db';
import type { Database } from '../../adapters/database/database.js';
import type { Llm } from '../../adapters/llm/llm.js';
import type { AuthUser } from '../../auth/user.js';
import { progressStatuses } from '../paths/path-view.js';
import type { ConceptProgress } from '../paths/record-concept-progress.js';
import { startReviewCard } from '../review/start-review-card.js';
import { findAnswerableQuestion } from './find-answerable-question.js';
import { type Grade, gradeAnswer } from './grade-answer.js';
import { type KeepAnswerDeps, keepAnswer } from './keep-answer.js';
import {
  findQuestionSources,
  type ReadingSuggestion,
  ReadingSuggestionSchema,
} from './question-sources.js';

export const AnswerInputSchema = z
  .object({
    answer: z.string().trim().min(1, 'must not be empty').max(5_000),
  })
  .strict()
  .openapi('AnswerInput');

export const AnswerResultSchema = z
  .object({
    attemptId: z.uuid(),
    questionId: z.uuid(),
    ticketId: z.number().int(),
    score: z.number().min(0).max(1),
    feedback: z.object({
      summary: z.string().openapi({ example: 'You got right: "heap". Missing: "priority queue".' }),
      right: z.array(z.string()),
      missing: z.array(z.string()),
    }),
    /** Shown once the learner has answered. */
    expectedAnswer: z.string(),
    suggestions: z
      .array(ReadingSuggestionSchema)
      .openapi({ description: 'The source sections to reread; empty after a full score' }),
    gradedBy: z.string().openapi({ description: '`exact`, or the model that judged the answer' }),
    answeredAt: z.iso.datetime(),
    progress: z
      .object({
        status: z.enum(progressStatuses),
        score: z.number().min(0).max(1),
        attempts: z.number().int(),
      })
      .openapi({ description: "The learner's standing on the concept after this answer" }),
  })
  .openapi('AnswerResult');
export type AnswerResult = z.infer<typeof AnswerResultSchema>;

/** Grades an answer against the question's expected answer and its source material. */
export async function gradeWithSources({
  db,
  llm,
  question,
  answer,
  beforeLlmCall,
}: {
  db: Database;
  llm: Llm;
  question: Question;
  answer: string;
  beforeLlmCall: () => Promise<void>;
}): Promise<{ grade: Grade; suggestions: ReadingSuggestion[] }> {
  const sources = await findQuestionSources({ db, question });
  const grade = await gradeAnswer({
    llm,
    question,
    answer,
    sourceText: sources.text,
    beforeLlmCall,
  });
  return { grade, suggestions: grade.score < 1 ? sources.sections : [] };
}

export function toAnswerResult(
  question: Question,
  kept: { attempt: AnswerAttempt; progress: ConceptProgress },
  grade: Grade,
  suggestions: ReadingSuggestion[],
): AnswerResult {
  const { attempt, progress } = kept;
  return {
    attemptId: attempt.id,
    questionId: question.id,
    ticketId: question.ticketId,
    score: grade.score,
    feedback: { summary: grade.summary, right: grade.right, missing: grade.missing },
    expectedAnswer: question.expectedAnswer,
    suggestions,
    gradedBy: grade.grader,
    answeredAt: attempt.createdAt.toISOString(),
    progress: { status: progress.status, score: progress.score, attempts: progress.attempts },
  };
}

/**
 * Grades and keeps a learner's answer. The first answer to any of a concept's questions
 * also starts the learner's review card for it, scheduled by that answer.
 */
export async function answerQuestion({
  deps,
  viewer,
  questionId,
  input: raw,
  beforeLlmCall,
  now = new Date(),
}: {
  deps: KeepAnswerDeps & { llm: Llm };
  viewer: AuthUser;
  questionId: string;
  input: z.input<typeof AnswerInputSchema>;
  beforeLlmCall: () => Promise<void>;
  now?: Date;
}): Promise<AnswerResult> {
  const { answer } = AnswerInputSchema.parse(raw);
  const { db, llm } = deps;
  const question = await findAnswerableQuestion({ db, viewer, questionId });
  const { grade, suggestions } = await gradeWithSources({
    db,
    llm,
    question,
    answer,
    beforeLlmCall,
  });
  const kept = await keepAnswer({
    deps,
    userId: viewer.sub,
    username: viewer.username,
    question,
    answer,
    grade,
    suggestions,
    at: now,
    alsoInTransaction: (tx, attempt) =>
      startReviewCard({
        tx,
        userId: viewer.sub,
        question,
        score: grade.score,
        attemptId: attempt.id,
        now,
      }),
  });
  return toAnswerResult(question, kept, grade, suggestions);
}
