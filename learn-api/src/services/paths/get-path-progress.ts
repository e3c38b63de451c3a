import type { AuthUser } from '../../auth/user.js';
import { assertUserCan } from '../../auth/user-can.js';
import { notStarted } from './learner-progress.js';
import { pathPermissions } from './path-access.js';
import { findVisiblePath, type PathGraphDeps } from './path-graph.js';
import type { ConceptStanding, ProgressStatus } from './path-view.js';

export interface ProgressCell extends ConceptStanding {
  ticketId: number;
}

export interface LearnerRow {
  userId: string;
  /** The user name the learner last answered under; null if they never answered. */
  username: string | null;
  mastered: number;
  /** One cell per concept, in the order of `concepts`. */
  cells: ProgressCell[];
}

export interface PathProgressMatrix {
  pathId: string;
  concepts: { ticketId: number; concept: string }[];
  learners: LearnerRow[];
}

/** Every learner who worked on the path, by concept: for those who follow a class. */
export async function getPathProgress({
  deps,
  viewer,
  pathId,
}: {
  deps: PathGraphDeps;
  viewer: AuthUser;
  pathId: string;
}): Promise<PathProgressMatrix> {
  assertUserCan(viewer, pathPermissions.progressAll);
  const graph = await findVisiblePath(deps, { viewer, pathId });
  const ticketIds = graph.concepts.map((concept) => concept.ticketId);
  const rows = await deps.db.progress.findMany({
    where: { ticketId: { in: ticketIds } },
    orderBy: [{ cognitoUserId: 'asc' }],
  });
  const byLearner = new Map<string, Map<number, ConceptStanding>>();
  if (graph.path.kind === 'personal') byLearner.set(graph.path.ownerId, new Map());
  for (const row of rows) {
    const standings = byLearner.get(row.cognitoUserId) ?? new Map<number, ConceptStanding>();
    standings.set(row.ticketId, {
      status: row.status as ProgressStatus,
      score: row.score,
      attempts: row.attempts,
      lastAttemptAt: row.lastAttempt?.toISOString() ?? null,
    });
    byLearner.set(row.cognitoUserId, standings);
  }
  const names = await deps.db.learner.findMany({
    where: { cognitoUserId: { in: [...byLearner.keys()] } },
  });
  const usernames = new Map(names.map((row) => [row.cognitoUserId, row.username]));
  return {
    pathId,
    concepts: graph.concepts.map(({ ticketId, concept }) => ({ ticketId, concept })),
    learners: [...byLearner].map(([userId, standings]) => {
      const cells = ticketIds.map((ticketId) => ({
        ticketId,
        ...(standings.get(ticketId) ?? notStarted),
      }));
      return {
        userId,
        username: usernames.get(userId) ?? null,
        mastered: cells.filter((cell) => cell.status === 'mastered').length,
        cells,
      };
    }),
  };
}
