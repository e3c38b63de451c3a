import { z } from '@hono/zod-openapi';
import { questionKinds } from '../../adapters/llm/llm.js';
import type { AuthUser } from '../../auth/user.js';
import { assertUserCan } from '../../auth/user-can.js';
import { ReviewStatusSchema } from '../questions/question-view.js';
import { pathPermissions } from './path-access.js';
import { findVisiblePath, type PathGraphDeps } from './path-graph.js';

export const QuestionStatsSchema = z
  .object({
    questionId: z.uuid(),
    ticketId: z.number().int(),
    concept: z.string(),
    kind: z.enum(questionKinds),
    prompt: z.string(),
    reviewStatus: ReviewStatusSchema,
    attempts: z.number().int(),
    learners: z.number().int().openapi({ description: 'Learners who answered it at least once' }),
    averageScore: z
      .number()
      .nullable()
      .openapi({ description: 'Mean score, 0-1; null unanswered' }),
    correctShare: z.number().nullable().openapi({
      description: 'Share of attempts that scored at the concept’s mastery threshold or more',
    }),
  })
  .openapi('QuestionStats');
export type QuestionStatsView = z.infer<typeof QuestionStatsSchema>;

interface AttemptTotals {
  question_id: string;
  attempts: number;
  learners: number;
  average_score: number | null;
  correct: number;
}

/** How each question of a path fares with its learners, in path order: for instructors. */
export async function getQuestionStats({
  deps,
  viewer,
  pathId,
}: {
  deps: PathGraphDeps;
  viewer: AuthUser;
  pathId: string;
}): Promise<QuestionStatsView[]> {
  assertUserCan(viewer, pathPermissions.progressAll);
  const graph = await findVisiblePath(deps, { viewer, pathId });
  const concepts = new Map(graph.concepts.map((concept) => [concept.ticketId, concept]));
  const ticketIds = [...concepts.keys()];
  if (ticketIds.length === 0) return [];
  const questions = await deps.db.question.findMany({
    where: { ticketId: { in: ticketIds } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const totals = await deps.db.$queryRaw<AttemptTotals[]>`
    SELECT a.question_id::text AS question_id,
           count(*)::int AS attempts,
           count(DISTINCT a.cognito_user_id)::int AS learners,
           avg(a.score)::float8 AS average_score,
           count(*) FILTER (WHERE a.score >= c.mastery_threshold)::int AS correct
      FROM learning.answer_attempts a
      JOIN learning.concept_metadata c
        ON c.ticket_id = a.ticket_id AND c.path_id = ${pathId}::uuid
     WHERE a.ticket_id = ANY(${ticketIds}::int[])
     GROUP BY a.question_id`;
  const byQuestion = new Map(totals.map((row) => [row.question_id, row]));
  return questions
    .map((question) => {
      const total = byQuestion.get(question.id);
      return {
        questionId: question.id,
        ticketId: question.ticketId,
        concept: concepts.get(question.ticketId)!.concept,
        kind: question.kind,
        prompt: question.prompt,
        reviewStatus: ReviewStatusSchema.parse(question.reviewStatus),
        attempts: total?.attempts ?? 0,
        learners: total?.learners ?? 0,
        averageScore: total?.average_score ?? null,
        correctShare: total ? total.correct / total.attempts : null,
      };
    })
    .sort((a, b) => concepts.get(a.ticketId)!.sequence - concepts.get(b.ticketId)!.sequence);
}
