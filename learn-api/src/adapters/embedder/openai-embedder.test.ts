import {
  type RunningOpenAiCompatibleServer,
  startOpenAiCompatibleServer,
} from '@learntrac/dev/openai-compatible';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findTestEmbeddingModel } from '../../test-support/embedding-model.js';
import type { Embedder } from './embedder.js';
import { createOnnxEmbedder } from './onnx-embedder.js';
import { createOpenAiEmbedder, EmbeddingRequestError } from './openai-embedder.js';

const modelDir = await findTestEmbeddingModel();

const question = 'How do I find the shortest path between two nodes in a weighted graph?';
const dijkstra =
  "Dijkstra's algorithm computes the cheapest route from a source vertex to every other vertex when edge weights are non-negative.";
const baking = 'Preheat the oven to 180 degrees and bake the cake for forty minutes.';

const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((sum, x, i) => sum + x * b[i]!, 0);

// The local server answers with the in-process model's meaning, widened to the length the
// real model gives, so these tests see what an ingest through the OpenAI path would see.
describe.skipIf(!modelDir)('OpenAI embedder through the openai client', () => {
  let local: Embedder;
  let server: RunningOpenAiCompatibleServer;
  const apiKey = 'sk-test-key';
  const embedderFor = (options: Partial<Parameters<typeof createOpenAiEmbedder>[0]> = {}) =>
    createOpenAiEmbedder({
      apiKey,
      baseUrl: server.url,
      model: 'text-embedding-3-small',
      ...options,
    });
  const inputsPerRequest = () =>
    server.requests.map((request) => (request.body as { input: string[] }).input.length);

  beforeAll(async () => {
    local = await createOnnxEmbedder({ modelDir: modelDir! });
    server = await startOpenAiCompatibleServer({ embed: (texts) => local.embed(texts), apiKey });
  });
  afterAll(async () => {
    await server?.close();
    await local?.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('gives 1536-dimensional unit vectors that carry meaning', async () => {
    const embedder = embedderFor();
    expect(embedder).toMatchObject({
      id: 'openai/text-embedding-3-small',
      dimension: 1536,
      degraded: false,
    });
    const [q, d, b] = await embedder.embed([question, dijkstra, baking]);
    expect(q).toHaveLength(1536);
    expect(cosine(q!, q!)).toBeCloseTo(1, 5);
    expect(cosine(q!, d!)).toBeGreaterThan(0.5);
    expect(cosine(q!, b!)).toBeLessThan(0.2);
  });

  it('asks for base64 and decodes it to the numbers the float encoding gives', async () => {
    const [vector] = await embedderFor().embed([dijkstra]);
    expect((server.requests[0]!.body as { encoding_format: string }).encoding_format).toBe(
      'base64',
    );
    const float = await fetch(`${server.url}/embeddings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({
        model: 'text-embedding-3-small',
        input: [dijkstra],
        encoding_format: 'float',
      }),
    });
    const answer = (await float.json()) as { data: { embedding: number[] }[] };
    const expected = answer.data[0]!.embedding;
    expect(vector).toHaveLength(expected.length);
    for (let i = 0; i < expected.length; i++) expect(vector![i]).toBeCloseTo(expected[i]!, 6);
  });

  it('splits many texts into bounded requests and keeps their order', async () => {
    const texts = Array.from({ length: 10 }, (_, i) => `Lesson ${i}: ${i % 2 ? dijkstra : baking}`);
    const batched = await embedderFor({ maxInputsPerRequest: 4 }).embed(texts);
    expect(inputsPerRequest()).toEqual([4, 4, 2]);
    const alone = await embedderFor({ maxInputsPerRequest: 1 }).embed(texts);
    expect(inputsPerRequest()).toEqual([4, 4, 2, ...texts.map(() => 1)]);
    expect(batched).toHaveLength(10);
    for (let i = 0; i < texts.length; i++) expect(cosine(batched[i]!, alone[i]!)).toBeCloseTo(1, 5);
  });

  it('sends nothing for no texts', async () => {
    expect(await embedderFor().embed([])).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('waits out rate limits as the server asks, then succeeds', async () => {
    server.injectFaults({ status: 429, retryAfterMs: 50 }, { status: 429, retryAfterMs: 50 });
    const [vector] = await embedderFor().embed([question]);
    expect(vector).toHaveLength(1536);
    expect(server.requests.map((request) => request.status)).toEqual([429, 429, 200]);
  });

  it('backs off exponentially after server errors that name no wait', async () => {
    server.injectFaults({ status: 503 }, { status: 502 });
    const started = performance.now();
    await embedderFor().embed([question]);
    // 0.5 s then 1 s, each shortened by up to a quarter of jitter.
    expect(performance.now() - started).toBeGreaterThanOrEqual(0.75 * 500 + 0.75 * 1000);
    expect(server.requests.map((request) => request.status)).toEqual([503, 502, 200]);
  });

  it('retries a request that timed out', async () => {
    server.injectFaults({ delayMs: 10_000 });
    const [vector] = await embedderFor({ timeoutMs: 400 }).embed([question]);
    expect(vector).toHaveLength(1536);
    expect(server.requests.map((request) => request.status)).toEqual([0, 200]);
  });

  it('gives up on a service that keeps failing, saying what failed and how often', async () => {
    const failure = { status: 500, retryAfterMs: 10, message: 'The model is overloaded' };
    server.injectFaults(failure, failure, failure);
    const attempt = embedderFor({ maxRetries: 2 }).embed([question, baking]);
    await expect(attempt).rejects.toThrow(EmbeddingRequestError);
    await expect(attempt).rejects.toThrow(
      `The embedding service at ${server.url} failed to embed 2 texts with text-embedding-3-small: 500 The model is overloaded (gave up after 3 attempts)`,
    );
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a refused key', async () => {
    const attempt = createOpenAiEmbedder({
      apiKey: 'sk-wrong',
      baseUrl: server.url,
      model: 'text-embedding-3-small',
    }).embed([question]);
    await expect(attempt).rejects.toThrow(/: 401 Incorrect API key provided$/);
    expect(server.requests).toHaveLength(1);
  });

  it('asks for shortened vectors when dimensions are configured', async () => {
    const embedder = embedderFor({ model: 'text-embedding-3-large', dimensions: 512 });
    const [vector] = await embedder.embed([question]);
    expect(embedder.dimension).toBe(512);
    expect(vector).toHaveLength(512);
    expect((server.requests[0]!.body as { dimensions: number }).dimensions).toBe(512);
  });
});
