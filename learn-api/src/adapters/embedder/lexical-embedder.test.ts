import { describe, expect, it } from 'vitest';
import { createLexicalEmbedder } from './lexical-embedder.js';

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

describe('lexical embedder (the fallback without a model)', () => {
  const embedder = createLexicalEmbedder();

  it('says it is degraded and gives 384-dimensional unit vectors', async () => {
    const [vector] = await embedder.embed(['Shortest paths in weighted graphs']);
    expect(embedder).toMatchObject({ dimension: 384, degraded: true });
    expect(vector).toHaveLength(384);
    expect(Math.sqrt(cosine(vector!, vector!))).toBeCloseTo(1, 5);
  });

  it('brings texts that share words and word forms together', async () => {
    const [question, answer, baking] = await embedder.embed([
      'How do I find the shortest path in a graph?',
      'Shortest paths in weighted graphs are found with Dijkstra.',
      'Preheat the oven and bake the cake for forty minutes.',
    ]);
    expect(cosine(question!, answer!)).toBeGreaterThan(0.25);
    expect(cosine(question!, answer!)).toBeGreaterThan(cosine(question!, baking!) + 0.2);
  });

  it('ignores case and common words', async () => {
    const [a, b] = await embedder.embed(['The Graph of the City', 'graph city']);
    expect(cosine(a!, b!)).toBeCloseTo(1, 5);
  });

  it('gives a text without words the zero vector, which matches nothing', async () => {
    const [vector] = await embedder.embed(['  ?! -- ']);
    expect(vector!.every((value) => value === 0)).toBe(true);
  });
});
