import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTestEmbeddingModel } from '../../test-support/embedding-model.js';
import type { Embedder } from './embedder.js';
import { createOnnxEmbedder, EmbeddingModelLoadError } from './onnx-embedder.js';

const modelDir = await findTestEmbeddingModel();

const question = 'How do I find the shortest path between two nodes in a weighted graph?';
const dijkstra =
  "Dijkstra's algorithm computes the cheapest route from a source vertex to every other vertex when edge weights are non-negative.";
const baking = 'Preheat the oven to 180 degrees and bake the cake for forty minutes.';

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
const length = (v: Float32Array) => Math.sqrt(cosine(v, v));

describe.skipIf(!modelDir)('ONNX embedder (all-MiniLM-L6-v2, in process)', () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await createOnnxEmbedder({ modelDir: modelDir! });
  });
  afterAll(() => embedder?.close());

  it('gives one 384-dimensional unit vector per text and names its model', async () => {
    const vectors = await embedder.embed([question, dijkstra, baking]);
    expect(embedder).toMatchObject({ id: 'all-minilm-l6-v2-q', dimension: 384, degraded: false });
    expect(vectors).toHaveLength(3);
    for (const vector of vectors) {
      expect(vector).toHaveLength(384);
      expect(length(vector)).toBeCloseTo(1, 5);
    }
  });

  it('places a shortest-path question near a Dijkstra sentence and far from baking', async () => {
    const [q, d, b] = await embedder.embed([question, dijkstra, baking]);
    expect(cosine(q!, d!)).toBeGreaterThan(0.5);
    expect(cosine(q!, b!)).toBeLessThan(0.2);
  });

  it('gives the same vectors for texts embedded together as one by one', async () => {
    const texts = [question, 'short', dijkstra, baking, 'A much longer text. '.repeat(40)];
    const together = await embedder.embed(texts);
    const alone = [];
    for (const text of texts) alone.push(...(await embedder.embed([text])));
    expect(together).toEqual(alone);
  });

  it('gives every concurrent caller its own vectors', async () => {
    const [first, second] = await Promise.all([
      embedder.embed([question, baking]),
      embedder.embed([dijkstra]),
    ]);
    const expected = await embedder.embed([question, baking, dijkstra]);
    expect([...first, ...second]).toEqual(expected);
  });

  it('lets a query in between the texts of a long batch instead of after all of them', async () => {
    const finished: string[] = [];
    const chunks = Array.from({ length: 12 }, (_, i) => `Section ${i}. ${dijkstra} `.repeat(8));
    const ingest = embedder.embed(chunks).then(() => finished.push('ingest'));
    const query = embedder.embed([question]).then(() => finished.push('query'));
    await Promise.all([ingest, query]);
    expect(finished).toEqual(['query', 'ingest']);
  });

  it('reads at most 256 tokens of a text: what follows does not change its vector', async () => {
    const long = Array.from({ length: 300 }, (_, i) => `graph${i % 7} edge`).join(' ');
    const [cut, extended] = await embedder.embed([long, `${long} ${baking} ${baking}`]);
    expect(extended).toEqual(cut);
    const [short] = await embedder.embed([long.slice(0, 200)]);
    expect(short).not.toEqual(cut);
  });
});

describe('ONNX embedder with damaged model files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'embedding-model-'));
    await writeFile(join(dir, 'all-minilm-l6-v2-q.onnx'), 'not a model');
    await writeFile(join(dir, 'all-minilm-l6-v2-q-tokenizer.json'), '{"truncated":');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses to start and says how to fetch the model again', async () => {
    const attempt = createOnnxEmbedder({ modelDir: dir });
    await expect(attempt).rejects.toThrow(EmbeddingModelLoadError);
    await expect(attempt).rejects.toThrow(`./dev/models/fetch-model ${dir}`);
  });
});
