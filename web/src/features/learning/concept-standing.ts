import type { GraphConcept } from './graph-concept';

export type StandingKey = 'locked' | 'not_started' | 'in_progress' | 'completed' | 'mastered';

export interface Standing {
  key: StandingKey;
  label: string;
  fill: string;
  stroke: string;
  /** Locked concepts are drawn with a dashed border, so the state never rests on colour alone. */
  dashed: boolean;
}

/** The legend's order: from out of reach to mastered. */
export const STANDINGS: readonly Standing[] = [
  { key: 'locked', label: 'Locked', fill: '#ececec', stroke: '#8a8a8a', dashed: true },
  { key: 'not_started', label: 'Not started', fill: '#ffffff', stroke: '#7a7a7a', dashed: false },
  { key: 'in_progress', label: 'In progress', fill: '#fdf0c9', stroke: '#9a7400', dashed: false },
  { key: 'completed', label: 'Completed', fill: '#dcefd9', stroke: '#4f8a47', dashed: false },
  { key: 'mastered', label: 'Mastered', fill: '#9fd49a', stroke: '#1f6b24', dashed: false },
];

const byKey = new Map(STANDINGS.map((standing) => [standing.key, standing]));

/**
 * How a concept is drawn for its learner. A concept mastered earlier stays mastered even if a
 * prerequisite slipped; otherwise an unmastered prerequisite locks it.
 */
export function describeStanding(
  concept: Pick<GraphConcept, 'status' | 'locked'>,
): Standing | null {
  if (!concept.status) return null;
  if (concept.status !== 'mastered' && concept.locked) return byKey.get('locked')!;
  return byKey.get(concept.status)!;
}

/** "Mastered, 92%": the words a screen reader hears and the tooltip shows. */
export function describeConcept(concept: GraphConcept): string {
  const standing = describeStanding(concept);
  if (!standing) return concept.concept;
  const score = concept.score !== undefined ? `, ${Math.round(concept.score * 100)}%` : '';
  return `${concept.concept}: ${standing.label.toLowerCase()}${score}`;
}
