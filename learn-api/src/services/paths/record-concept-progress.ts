import type { Prisma } from '@learntrac/db';
import { changeTicket } from '@learntrac/db/tickets';
import { z } from 'zod';
import type { Database } from '../../adapters/database/database.js';
import { ApiError } from '../../errors/api-error.js';
import { type CacheDeps, invalidateScopes, learnerProgressScope } from './path-cache.js';
import { type ProgressStatus, progressStatuses } from './path-view.js';

/** The author of ticket changes learn-api makes on its own account. */
export const SERVICE_AUTHOR = 'learn-api';
/** Mastery is judged on this many latest scores... */
export const RECENT_ATTEMPTS = 3;
/** ...and needs at least this many of them, so one lucky answer is not mastery. */
export const MIN_ATTEMPTS_FOR_MASTERY = 2;
export const DEFAULT_MASTERY_THRESHOLD = 0.8;

const RecordInputSchema = z.object({
  userId: z.string().min(1),
  ticketId: z.number().int().positive(),
  score: z.number().min(0).max(1),
  at: z.date(),
});

export interface RecordConceptProgressInput {
  deps: CacheDeps & { db: Database };
  /** Write inside the caller's transaction; then call `forgetLearnerProgress` after it commits. */
  tx?: Prisma.TransactionClient;
  /** The learner's Cognito sub. */
  userId: string;
  /** The concept ticket the graded answer was about. */
  ticketId: number;
  /** The graded score, 0-1. */
  score: number;
  at?: Date;
}

export interface ConceptProgress {
  userId: string;
  ticketId: number;
  status: ProgressStatus;
  previousStatus: ProgressStatus;
  /** Average of the recent scores. */
  score: number;
  recentScores: number[];
  attempts: number;
  masteryThreshold: number;
  masteredAt: Date | null;
  /** The concept's personal-path ticket was closed as mastered by this answer. */
  ticketClosed: boolean;
}

const rank = (status: ProgressStatus) => progressStatuses.indexOf(status);

/**
 * Records one graded answer on a concept: not_started -> in_progress -> completed (an answer
 * at the mastery threshold) -> mastered (recent answers average at the threshold). Status
 * never goes back: forgetting is spaced review's business. When a learner masters a concept
 * of their own personal path, its ticket is closed as `mastered` in the ticket's history;
 * tickets of shared paths stay open, their learners' standing lives in progress alone.
 */
export async function recordConceptProgress({
  deps,
  tx,
  ...raw
}: RecordConceptProgressInput): Promise<ConceptProgress> {
  const input = RecordInputSchema.parse({ ...raw, at: raw.at ?? new Date() });
  const result = tx
    ? await writeProgress(tx, input)
    : await deps.db.$transaction((own) => writeProgress(own, input));
  await forgetLearnerProgress({ deps, userId: input.userId });
  return result;
}

/** Makes the next read of the learner's progress come from the database. */
export function forgetLearnerProgress({ deps, userId }: { deps: CacheDeps; userId: string }) {
  return invalidateScopes(deps, [learnerProgressScope(userId)]);
}

async function writeProgress(
  tx: Prisma.TransactionClient,
  { userId, ticketId, score, at }: z.infer<typeof RecordInputSchema>,
): Promise<ConceptProgress> {
  const ticket = await tx.ticket.findUnique({
    where: { id: ticketId },
    select: {
      type: true,
      status: true,
      conceptMetadata: {
        select: {
          masteryThreshold: true,
          path: { select: { kind: true, cognitoUserId: true } },
        },
      },
    },
  });
  if (ticket?.type !== 'concept') {
    throw new ApiError('NOT_FOUND', `No concept ticket #${ticketId}`);
  }
  // Concurrent answers by the same learner on the same concept apply one after the other.
  await tx.$executeRaw`
    INSERT INTO learning.progress (cognito_user_id, ticket_id) VALUES (${userId}, ${ticketId})
    ON CONFLICT DO NOTHING`;
  const [current] = await tx.$queryRaw<
    {
      status: ProgressStatus;
      attempts: number;
      recent_scores: number[] | null;
      mastered_at: Date | null;
    }[]
  >`
    SELECT status, attempts, recent_scores, mastered_at FROM learning.progress
    WHERE cognito_user_id = ${userId} AND ticket_id = ${ticketId} FOR UPDATE`;

  // A concept on several paths is mastered by the strictest of their thresholds.
  const threshold =
    ticket.conceptMetadata.length > 0
      ? Math.max(...ticket.conceptMetadata.map((membership) => membership.masteryThreshold))
      : DEFAULT_MASTERY_THRESHOLD;
  const recentScores = [...(current!.recent_scores ?? []), score].slice(-RECENT_ATTEMPTS);
  const average = recentScores.reduce((sum, s) => sum + s, 0) / recentScores.length;
  const reached: ProgressStatus =
    recentScores.length >= MIN_ATTEMPTS_FOR_MASTERY && average >= threshold
      ? 'mastered'
      : score >= threshold
        ? 'completed'
        : 'in_progress';
  const previousStatus = current!.status;
  const status = rank(reached) > rank(previousStatus) ? reached : previousStatus;
  const masteredAt = current!.mastered_at ?? (status === 'mastered' ? at : null);
  const attempts = current!.attempts + 1;

  await tx.progress.update({
    where: { cognitoUserId_ticketId: { cognitoUserId: userId, ticketId } },
    data: {
      status,
      score: average,
      attempts,
      recentScores,
      lastAttempt: at,
      masteredAt,
    },
  });

  const paths = ticket.conceptMetadata.map((membership) => membership.path);
  const ownPersonalOnly =
    paths.length > 0 &&
    paths.every((path) => path.kind === 'personal' && path.cognitoUserId === userId);
  const ticketClosed =
    status === 'mastered' &&
    previousStatus !== 'mastered' &&
    ownPersonalOnly &&
    ticket.status !== 'closed';
  if (ticketClosed) {
    await changeTicket({
      db: tx,
      ticketId,
      author: SERVICE_AUTHOR,
      changes: { status: 'closed', resolution: 'mastered' },
      comment: `Mastered: the last ${recentScores.length} answers averaged ${percent(average)} (mastery at ${percent(threshold)}).`,
      now: at,
    });
  }
  return {
    userId,
    ticketId,
    status,
    previousStatus,
    score: average,
    recentScores,
    attempts,
    masteryThreshold: threshold,
    masteredAt,
    ticketClosed,
  };
}

const percent = (value: number) => `${Math.round(value * 100)}%`;
