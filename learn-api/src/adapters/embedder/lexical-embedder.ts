import type { Embedder } from './embedder.js';
import { normalize } from './normalize.js';

export const lexicalEmbedderId = 'lexical-hashed-ngrams';
const dimension = 384;

// Words too common to tell texts apart; without them they would dominate every vector.
const stopWords = new Set(
  'a an and are as at be by can do does for from has have how i in is it its of on or that the this to was we what when where which who why will with you'.split(
    ' ',
  ),
);

/** FNV-1a: a fast, well-spread 32-bit hash of the feature's text. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

function addFeature(vector: Float32Array, feature: string, weight: number) {
  const value = hash(feature);
  // A hashed sign keeps colliding features from piling up in one direction.
  vector[value % dimension]! += value & 0x80000000 ? -weight : weight;
}

function embedText(text: string): Float32Array {
  const vector = new Float32Array(dimension);
  const words =
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const word of words) {
    if (stopWords.has(word)) continue;
    addFeature(vector, `w:${word}`, 1);
    // Character trigrams let "graphs" meet "graph" and "shortest" meet "short".
    const padded = `<${word}>`;
    for (let i = 0; i + 3 <= padded.length; i++) addFeature(vector, padded.slice(i, i + 3), 0.4);
  }
  return normalize(vector);
}

/**
 * The fallback when the embedding model cannot be had: hashed word and character-trigram
 * features. It finds texts that share words or word parts, never texts that only share
 * meaning, hence `degraded`. A text without any word gets the zero vector.
 */
export function createLexicalEmbedder(): Embedder {
  return {
    id: lexicalEmbedderId,
    dimension,
    degraded: true,
    embed: async (texts) => texts.map(embedText),
    close: async () => {},
  };
}
