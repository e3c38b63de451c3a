import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type RunningOpenAiCompatibleServer,
  startOpenAiCompatibleServer,
} from './start-openai-compatible-server.js';

// The server's source of meaning in these tests: letter frequencies, 26 dimensions.
async function letterVectors(texts: string[]): Promise<Float32Array[]> {
  return texts.map((text) => {
    const vector = new Float32Array(26);
    for (const char of text.toLowerCase()) {
      const code = char.charCodeAt(0) - 97;
      if (code >= 0 && code < 26) vector[code]! += 1;
    }
    const length = Math.hypot(...vector);
    return vector.map((value) => value / length);
  });
}

const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((sum, x, i) => sum + x * b[i]!, 0);

function decodeBase64(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

describe('OpenAI-compatible test server', () => {
  let server: RunningOpenAiCompatibleServer;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/embeddings`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-key', 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startOpenAiCompatibleServer({ embed: letterVectors, apiKey: 'test-key' });
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('answers float vectors at the model length, keeping the source cosines', async () => {
    const texts = ['graph', 'graphs', 'oven'];
    const response = await post({ model: 'text-embedding-3-small', input: texts });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as {
      data: { index: number; embedding: number[] }[];
      model: string;
    };
    expect(answer.model).toBe('text-embedding-3-small');
    expect(answer.data.map((item) => item.index)).toEqual([0, 1, 2]);
    const source = await letterVectors(texts);
    for (const item of answer.data) {
      expect(item.embedding).toHaveLength(1536);
      expect(cosine(item.embedding, item.embedding)).toBeCloseTo(1, 5);
    }
    expect(cosine(answer.data[0]!.embedding, answer.data[1]!.embedding)).toBeCloseTo(
      cosine(source[0]!, source[1]!),
      5,
    );
    expect(cosine(answer.data[0]!.embedding, answer.data[2]!.embedding)).toBeCloseTo(
      cosine(source[0]!, source[2]!),
      5,
    );
  });

  it('answers base64 with the same numbers as float, and honours dimensions', async () => {
    const request = { model: 'text-embedding-3-large', input: 'shortest path', dimensions: 100 };
    const float = (await (await post(request)).json()) as { data: { embedding: number[] }[] };
    const base64 = (await (await post({ ...request, encoding_format: 'base64' })).json()) as {
      data: { embedding: string }[];
    };
    const decoded = decodeBase64(base64.data[0]!.embedding);
    expect(decoded).toHaveLength(100);
    expect(Array.from(decoded)).toEqual(float.data[0]!.embedding);
  });

  it('answers a bad request with 400 naming the field, as the API does', async () => {
    const cases = [
      [{ input: 'x' }, 'model'],
      [{ model: 'm', input: ['fine', ''] }, 'input'],
      [{ model: 'm', input: [[1, 2, 3]] }, 'input'],
      [{ model: 'm', input: 'x', encoding_format: 'int8' }, 'encoding_format'],
      [{ model: 'm', input: 'x', dimensions: 3 }, 'dimensions'],
    ] as const;
    for (const [body, param] of cases) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const answer = (await response.json()) as { error: { param: string; message: string } };
      expect(answer.error.param).toBe(param);
      expect(answer.error.message).toContain(param);
    }
  });

  it('refuses a wrong key with 401 and an unknown route with 404', async () => {
    expect((await post({ model: 'm', input: 'x' }, { authorization: 'Bearer nope' })).status).toBe(
      401,
    );
    const unknown = await fetch(`${server.url}/completions`, { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(404);
  });

  it('fails the next requests as told, with the wait a rate limit asks for', async () => {
    server.injectFaults({ status: 429, retryAfterMs: 1500 }, { status: 503 });
    const limited = await post({ model: 'm', input: 'x' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('retry-after-ms')).toBe('1500');
    expect((await post({ model: 'm', input: 'x' })).status).toBe(503);
    expect((await post({ model: 'm', input: 'x' })).status).toBe(200);
    expect(server.requests.map((request) => request.status)).toEqual([429, 503, 200]);
  });

  it('answers late when told to, so a client times out', async () => {
    server.injectFaults({ delayMs: 5_000 });
    await expect(
      fetch(`${server.url}/embeddings`, {
        method: 'POST',
        headers: { authorization: 'Bearer test-key' },
        body: JSON.stringify({ model: 'm', input: 'x' }),
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
    expect((await post({ model: 'm', input: 'x' })).status).toBe(200);
  });
});
