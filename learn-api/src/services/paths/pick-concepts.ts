import type { Logger } from 'pino';
import type { Embedder } from '../../adapters/embedder/embedder.js';
import { indexOfWords, nameKey, wordsOf } from './concept-text.js';

/** A chunk of material a path is built from, with how relevant it was to the request. */
export interface SourceChunk {
  id: string;
  documentId: string;
  documentTitle: string;
  /** Where the document stands among the path's documents: 0 first. */
  documentRank: number;
  ordinal: number;
  text: string;
  headingPath: string[];
  keyTerms: string[];
  pageStart: number | null;
  pageEnd: number | null;
  /** 0-1; chunks chosen by hand all count 1. */
  relevance: number;
}

export interface PickedConcept {
  name: string;
  key: string;
  /** Other names found for the same concept. */
  aliases: string[];
  /** Where the concept is introduced: its section's first chunk, or its first mention. */
  chunk: SourceChunk;
  /** Named by a section heading rather than a key term. */
  fromHeading: boolean;
  weight: number;
  /** Word offset of the first mention in its chunk (-1 for a heading). */
  offset: number;
}

export interface PickConceptsInput {
  chunks: readonly SourceChunk[];
  maxConcepts: number;
  embedder?: Embedder | undefined;
  logger: Logger;
  /** Names whose meanings are at least this close (cosine) are one concept. */
  sameMeaning?: number;
}

// Section titles that name a part of a text, not something to learn.
const structuralHeadings = new Set(
  [
    'introduction',
    'overview',
    'summary',
    'conclusion',
    'conclusions',
    'exercises',
    'exercise',
    'problems',
    'contents',
    'table of contents',
    'preface',
    'foreword',
    'references',
    'bibliography',
    'further reading',
    'notes',
    'appendix',
    'index',
    'acknowledgements',
    'acknowledgments',
    'review questions',
    'key terms',
  ].map(nameKey),
);

/** "3.2 Recursion" and "Chapter 3: Recursion" name the concept "Recursion". */
function cleanName(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:chapter|section|part|unit|lesson)\s+(?=\d|[IVXLC]+\b)/i, '')
    .replace(/^(?:\d+(?:\.\d+)*[.:)]?|[IVXLC]+[.:)])\s+/, '')
    .replace(/^[-–—:.\s]+|[-–—:.\s]+$/g, '');
}

function usable(name: string, key: string): boolean {
  const words = key.split(' ');
  return (
    key.length >= 3 &&
    name.length <= 80 &&
    words.length <= 6 &&
    !/^\d+$/.test(key) &&
    !structuralHeadings.has(key)
  );
}

const comesFirst = (a: PickedConcept, b: PickedConcept) =>
  a.chunk.documentRank - b.chunk.documentRank ||
  a.chunk.ordinal - b.chunk.ordinal ||
  a.offset - b.offset;

/**
 * The concepts of the material: section headings and key terms of the chunks, weighed by
 * how often and how relevantly they occur, merged when they are the same name or (with an
 * embedder that knows meaning) mean the same, the heaviest `maxConcepts` in reading order.
 */
export async function pickConcepts({
  chunks,
  maxConcepts,
  embedder,
  logger,
  sameMeaning = 0.86,
}: PickConceptsInput): Promise<PickedConcept[]> {
  const ordered = [...chunks].sort(
    (a, b) => a.documentRank - b.documentRank || a.ordinal - b.ordinal,
  );
  const byKey = new Map<string, PickedConcept>();
  const add = (raw: string, chunk: SourceChunk, weight: number, fromHeading: boolean) => {
    const name = cleanName(raw);
    const key = nameKey(name);
    if (!usable(name, key)) return;
    const offset = fromHeading
      ? -1
      : Math.max(0, indexOfWords(wordsOf(chunk.text), key.split(' ')));
    const found = byKey.get(key);
    if (!found) {
      byKey.set(key, { name, key, aliases: [], chunk, fromHeading, weight, offset });
      return;
    }
    found.weight += weight;
    // The section a heading opens introduces the concept better than an earlier passing mention.
    if (fromHeading && !found.fromHeading) Object.assign(found, { chunk, fromHeading, offset });
  };
  for (const chunk of ordered) {
    const heading = chunk.headingPath.at(-1);
    if (heading) add(heading, chunk, 2 * chunk.relevance, true);
    for (const term of chunk.keyTerms) add(term, chunk, chunk.relevance, false);
  }

  const candidates = [...byKey.values()]
    .sort((a, b) => b.weight - a.weight || comesFirst(a, b))
    .slice(0, maxConcepts * 3);
  const merged = await mergeSameMeaning({ candidates, embedder, logger, sameMeaning });
  return merged
    .sort((a, b) => b.weight - a.weight || comesFirst(a, b))
    .slice(0, maxConcepts)
    .sort(comesFirst);
}

/** Folds each candidate into a heavier one whose name means the same; heaviest first in. */
async function mergeSameMeaning({
  candidates,
  embedder,
  logger,
  sameMeaning,
}: {
  candidates: PickedConcept[];
  embedder: Embedder | undefined;
  logger: Logger;
  sameMeaning: number;
}): Promise<PickedConcept[]> {
  // An embedder that only matches words would fold "binary search tree" into "binary search".
  if (!embedder || embedder.degraded || candidates.length < 2) return candidates;
  let vectors: Float32Array[];
  try {
    // Keys, not names: "Shortest paths" and "shortest route" compare as singular phrases.
    vectors = await embedder.embed(candidates.map((candidate) => candidate.key));
  } catch (error) {
    logger.warn(
      { err: error, embedder: embedder.id },
      'embedder failed; concepts are merged by name only',
    );
    return candidates;
  }
  const kept: { concept: PickedConcept; vector: Float32Array }[] = [];
  for (const [index, concept] of candidates.entries()) {
    const vector = vectors[index]!;
    const same = kept.find((other) => cosine(other.vector, vector) >= sameMeaning);
    if (!same) {
      kept.push({ concept, vector });
      continue;
    }
    same.concept.weight += concept.weight;
    same.concept.aliases.push(concept.name, ...concept.aliases);
  }
  return kept.map(({ concept }) => concept);
}

/** Embedders return unit vectors, so the dot product is the cosine. */
function cosine(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
