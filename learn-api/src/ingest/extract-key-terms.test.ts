import { describe, expect, it } from 'vitest';
import { extractKeyTerms } from './extract-key-terms.js';

const texts = [
  'A vector index stores embeddings of document chunks. Searching the vector index finds the chunks whose embeddings lie closest to the query embedding. The Neo4j database keeps vector indexes beside the graph.',
  'The database keeps every document in a table. Full-text search ranks documents by the words they share with the query.',
  "Dijkstra's algorithm finds shortest paths in a weighted graph. The algorithm settles the closest vertex first, so the database of distances only grows.",
];

describe('extractKeyTerms', () => {
  it('prefers noun phrases, counting plural and singular as one term', () => {
    const [vectors, , paths] = extractKeyTerms({ texts, limit: 5 });
    expect(vectors![0]).toBe('vector index');
    expect(paths).toEqual(expect.arrayContaining(['shortest path', 'weighted graph']));
  });

  it('gives lower-case terms without stop words, at most the limit per text', () => {
    const terms = extractKeyTerms({ texts, limit: 4 });
    expect(terms).toHaveLength(3);
    for (const list of terms) {
      expect(list.length).toBeGreaterThan(0);
      expect(list.length).toBeLessThanOrEqual(4);
      for (const term of list) {
        expect(term).toBe(term.toLowerCase());
        expect(term.split(' ')).not.toEqual(expect.arrayContaining(['the', 'a', 'of', 'in', 'by']));
      }
    }
  });

  it('ranks a word every text uses below the words particular to one text', () => {
    const [, , paths] = extractKeyTerms({ texts, limit: 5 });
    expect(paths).not.toContain('database');
    expect(extractKeyTerms({ texts: [texts[2]!], limit: 8 })[0]).toContain('database');
  });

  it('leaves out a word that a chosen phrase already holds', () => {
    const [vectors] = extractKeyTerms({ texts });
    expect(vectors).toContain('vector index');
    expect(vectors).not.toContain('index');
  });

  it('gives no terms for a text without nouns', () => {
    expect(extractKeyTerms({ texts: ['It is what it is, and so it goes.'] })).toEqual([[]]);
  });
});
