import { stemmer } from 'stemmer';
import { eng as englishStopwords } from 'stopword';

const stopwords = new Set(englishStopwords);
const wordPattern = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * The form two answers are compared in: case, accents, punctuation, spacing and a leading
 * article do not count, so "The  Heap." matches "heap".
 */
export function normaliseAnswer(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(?:the|an?) /, '');
}

/** Lower-case words of the text, in order. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(wordPattern) ?? []).map((word) => word.replace(/’/g, "'"));
}

/** The words that carry meaning (no stop words), in order. */
export function contentWords(text: string): string[] {
  return words(text).filter((word) => !stopwords.has(word));
}

/** Stems of the words that carry meaning, so "queues" and "queue" count as one. */
export function contentStems(text: string): string[] {
  return contentWords(text).map((word) => stemmer(word));
}

/** A term is covered when every meaningful word of it appears in the text, in any form. */
export function coversTerm(textStems: ReadonlySet<string>, term: string): boolean {
  const termStems = contentStems(term);
  return termStems.length > 0 && termStems.every((stem) => textStems.has(stem));
}

/** The share (0-1) of the reference's meaningful words that the text also uses. */
export function stemCoverage(text: string, reference: string): number {
  const wanted = new Set(contentStems(reference));
  if (wanted.size === 0) return 0;
  const have = new Set(contentStems(text));
  let found = 0;
  for (const stem of wanted) if (have.has(stem)) found += 1;
  return found / wanted.size;
}

/** The text's sentences, with runs of whitespace (line breaks of a PDF) made single spaces. */
export function splitSentences(text: string): string[] {
  return [...sentenceSegmenter.segment(text.replace(/\s+/g, ' '))]
    .map((part) => part.segment.trim())
    .filter((sentence) => sentence.length > 0);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where the term occurs as whole words (any case), or null. */
export function findTerm(text: string, term: string): { index: number; match: string } | null {
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRegExp(term.trim()).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`,
    'iu',
  );
  const found = pattern.exec(text);
  return found ? { index: found.index, match: found[0] } : null;
}

export function cosineSimilarity(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
