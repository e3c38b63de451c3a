import type { AuthUser } from '../../auth/user.js';
import { viewPathFor } from './get-path.js';
import { type LearnerProgressDeps, loadLearnerProgress } from './learner-progress.js';
import { findVisiblePath } from './path-graph.js';
import type { ConceptView } from './path-view.js';

export interface DueReview {
  cardId: string;
  ticketId: number;
  concept: string;
  due: string;
}

export interface NextSteps {
  pathId: string;
  /** The outer fringe: not mastered yet, every prerequisite mastered; in path order. */
  ready: ConceptView[];
  /** Review cards of this path's concepts that are due, most overdue first. */
  reviews: DueReview[];
}

const maxReviews = 50;

/** What the viewer can learn next on a path, and which reviews are due. */
export async function findNextSteps({
  deps,
  viewer,
  pathId,
  now = new Date(),
}: {
  deps: LearnerProgressDeps;
  viewer: AuthUser;
  pathId: string;
  now?: Date;
}): Promise<NextSteps> {
  const graph = await findVisiblePath(deps, { viewer, pathId });
  const [progress, cards] = await Promise.all([
    loadLearnerProgress(deps, viewer.sub),
    deps.db.reviewCard.findMany({
      where: {
        cognitoUserId: viewer.sub,
        due: { lte: now },
        ticket: { conceptMetadata: { some: { pathId } } },
      },
      orderBy: [{ due: 'asc' }, { id: 'asc' }],
      take: maxReviews,
      select: { id: true, ticketId: true, due: true },
    }),
  ]);
  const view = viewPathFor(graph, progress);
  const names = new Map(graph.concepts.map((concept) => [concept.ticketId, concept.concept]));
  return {
    pathId,
    ready: view.concepts.filter((concept) => !concept.locked && concept.status !== 'mastered'),
    reviews: cards.map((card) => ({
      cardId: card.id,
      ticketId: card.ticketId,
      concept: names.get(card.ticketId) ?? '',
      due: card.due.toISOString(),
    })),
  };
}
