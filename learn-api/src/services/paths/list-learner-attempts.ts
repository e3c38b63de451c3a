import { z } from '@hono/zod-openapi';
import { questionKinds } from '../../adapters/llm/llm.js';
import type { AuthUser } from '../../auth/user.js';
import { assertUserCan } from '../../auth/user-can.js';
import { pathPermissions } from './path-access.js';
import { findVisiblePath, type PathGraphDeps } from './path-graph.js';

export const LearnerAttemptSchema = z
  .object({
    id: z.uuid(),
    questionId: z.uuid(),
    ticketId: z.number().int(),
    concept: z.string(),
    kind: z.enum(questionKinds),
    prompt: z.string(),
    answer: z.string(),
    score: z.number(),
    feedback: z.string().openapi({ description: 'What the grader said, in one sentence' }),
    createdAt: z.iso.datetime(),
  })
  .openapi('LearnerAttempt');
export type LearnerAttemptView = z.infer<typeof LearnerAttemptSchema>;

const FeedbackSchema = z.object({ summary: z.string() }).partial();

/** The most attempts one drill-down shows; a learner rarely has more on one path. */
export const learnerAttemptsLimit = 500;

/** One learner's answers on a path's concepts, newest first: the instructor's drill-down. */
export async function listLearnerAttempts({
  deps,
  viewer,
  pathId,
  learnerId,
}: {
  deps: PathGraphDeps;
  viewer: AuthUser;
  pathId: string;
  learnerId: string;
}): Promise<LearnerAttemptView[]> {
  assertUserCan(viewer, pathPermissions.progressAll);
  const graph = await findVisiblePath(deps, { viewer, pathId });
  const concepts = new Map(graph.concepts.map((concept) => [concept.ticketId, concept.concept]));
  const rows = await deps.db.answerAttempt.findMany({
    where: { cognitoUserId: learnerId, ticketId: { in: [...concepts.keys()] } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: learnerAttemptsLimit,
    include: { question: { select: { kind: true, prompt: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    questionId: row.questionId,
    ticketId: row.ticketId,
    concept: concepts.get(row.ticketId)!,
    kind: row.question.kind,
    prompt: row.question.prompt,
    answer: row.answer,
    score: row.score,
    feedback: FeedbackSchema.safeParse(row.feedback).data?.summary ?? '',
    createdAt: row.createdAt.toISOString(),
  }));
}
