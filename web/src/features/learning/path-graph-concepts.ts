import type { GraphConcept } from './graph-concept';
import type { PathDetail } from './learn-api/learner-api';
import { conceptHref } from './learning-format';

/** A path's concepts as the graph component draws them, each linking to its concept page. */
export function toGraphConcepts(path: PathDetail): GraphConcept[] {
  return path.concepts.map((concept) => ({
    ticketId: concept.ticketId,
    concept: concept.concept,
    sequence: concept.sequence,
    prerequisites: concept.prerequisites,
    href: conceptHref(path.id, concept.ticketId),
    status: concept.status,
    score: concept.score,
    locked: concept.locked,
  }));
}
