import { indexOfWords, nameKey, wordsOf } from './concept-text.js';
import type { PickedConcept } from './pick-concepts.js';

/** `dependent` needs `prerequisite` first; both are indexes into the concept list. */
export interface InferredEdge {
  dependent: number;
  prerequisite: number;
}

/**
 * Prerequisites read from the material, for concepts in reading order: a concept needs an
 * earlier one when its passage uses the earlier one's name, or when it sits inside the
 * section the earlier one heads. Edges only point back in reading order, so the graph is
 * acyclic; edges implied by others are dropped so that each concept lists only what it
 * directly builds on.
 */
export function inferPrerequisites(concepts: readonly PickedConcept[]): InferredEdge[] {
  const names = concepts.map((concept) =>
    [concept.name, ...concept.aliases].map((name) => nameKey(name).split(' ')),
  );
  const textWords = concepts.map((concept) => wordsOf(concept.chunk.text));
  const nameWords = concepts.map((concept) => wordsOf(concept.name));
  const needs = concepts.map(() => new Set<number>());

  for (let later = 1; later < concepts.length; later++) {
    const concept = concepts[later]!;
    for (let earlier = 0; earlier < later; earlier++) {
      const before = concepts[earlier]!;
      const usesName =
        names[earlier]!.some((name) => indexOfWords(nameWords[later]!, name) >= 0) ||
        (before.chunk.id !== concept.chunk.id &&
          names[earlier]!.some((name) => indexOfWords(textWords[later]!, name) >= 0));
      if (usesName || insideSection(before, concept)) needs[later]!.add(earlier);
    }
  }
  return withoutImpliedEdges(needs);
}

function insideSection(section: PickedConcept, concept: PickedConcept): boolean {
  if (!section.fromHeading || section.chunk.documentId !== concept.chunk.documentId) return false;
  const outer = section.chunk.headingPath;
  const inner = concept.chunk.headingPath;
  return outer.length <= inner.length && outer.every((heading, i) => inner[i] === heading);
}

function withoutImpliedEdges(needs: Set<number>[]): InferredEdge[] {
  // Concepts are in reading order and edges point back, so reach sets fill in one pass.
  const reach = needs.map(() => new Set<number>());
  for (const [concept, direct] of needs.entries()) {
    for (const prerequisite of direct) {
      reach[concept]!.add(prerequisite);
      for (const further of reach[prerequisite]!) reach[concept]!.add(further);
    }
  }
  const edges: InferredEdge[] = [];
  for (const [concept, direct] of needs.entries()) {
    for (const prerequisite of direct) {
      const implied = [...direct].some(
        (other) => other !== prerequisite && reach[other]!.has(prerequisite),
      );
      if (!implied) edges.push({ dependent: concept, prerequisite });
    }
  }
  return edges;
}

/** 1 for a concept that needs nothing, one more per step of its longest chain, at most 5. */
export function difficultiesOf(count: number, edges: readonly InferredEdge[]): number[] {
  const depth = new Array<number>(count).fill(0);
  const sorted = [...edges].sort((a, b) => a.dependent - b.dependent);
  for (const { dependent, prerequisite } of sorted) {
    depth[dependent] = Math.max(depth[dependent]!, depth[prerequisite]! + 1);
  }
  return depth.map((d) => Math.min(5, d + 1));
}
