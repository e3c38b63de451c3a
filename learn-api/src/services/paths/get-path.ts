import type { AuthUser } from '../../auth/user.js';
import {
  isMastered,
  type LearnerProgress,
  type LearnerProgressDeps,
  loadLearnerProgress,
  standingOf,
} from './learner-progress.js';
import { findVisiblePath, type PathGraph } from './path-graph.js';
import type { PathView } from './path-view.js';

/** The path with each concept's prerequisites and the viewer's status, score and lock. */
export async function getPath({
  deps,
  viewer,
  pathId,
}: {
  deps: LearnerProgressDeps;
  viewer: AuthUser;
  pathId: string;
}): Promise<PathView> {
  const graph = await findVisiblePath(deps, { viewer, pathId });
  const progress = await loadLearnerProgress(deps, viewer.sub);
  return viewPathFor(graph, progress);
}

/** The path as one learner stands on it. */
export function viewPathFor(graph: PathGraph, progress: LearnerProgress): PathView {
  return {
    ...graph.path,
    concepts: graph.concepts.map((concept) => ({
      ...concept,
      ...standingOf(progress, concept.ticketId),
      locked: concept.prerequisites.some((id) => !isMastered(progress, id)),
    })),
  };
}
