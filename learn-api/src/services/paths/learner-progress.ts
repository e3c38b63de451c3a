import type { Database } from '../../adapters/database/database.js';
import { type CacheDeps, learnerProgressScope, readThrough } from './path-cache.js';
import type { ConceptStanding, ProgressStatus } from './path-view.js';

export interface LearnerProgressDeps extends CacheDeps {
  db: Database;
}

/** A learner's standing on every concept they have worked on, by ticket id. */
export type LearnerProgress = Record<string, ConceptStanding>;

export const notStarted: ConceptStanding = {
  status: 'not_started',
  score: 0,
  attempts: 0,
  lastAttemptAt: null,
};

export function loadLearnerProgress(
  deps: LearnerProgressDeps,
  userId: string,
): Promise<LearnerProgress> {
  return readThrough(deps, learnerProgressScope(userId), async () => {
    const rows = await deps.db.progress.findMany({
      where: { cognitoUserId: userId },
      select: { ticketId: true, status: true, score: true, attempts: true, lastAttempt: true },
    });
    const progress: LearnerProgress = {};
    for (const row of rows) {
      progress[row.ticketId] = {
        status: row.status as ProgressStatus,
        score: row.score,
        attempts: row.attempts,
        lastAttemptAt: row.lastAttempt?.toISOString() ?? null,
      };
    }
    return progress;
  });
}

export const standingOf = (progress: LearnerProgress, ticketId: number): ConceptStanding =>
  progress[ticketId] ?? notStarted;

export const isMastered = (progress: LearnerProgress, ticketId: number) =>
  progress[ticketId]?.status === 'mastered';
