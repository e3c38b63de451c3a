import OpenAI, { APIConnectionError, APIError } from 'openai';
import type { Embedder } from './embedder.js';
import { normalize } from './normalize.js';
import { knownOpenAiEmbeddingDimensions } from './openai-embedding-dimensions.js';

export class EmbeddingRequestError extends Error {
  override readonly name = 'EmbeddingRequestError';
}

// The statuses the client retries.
const retriedStatuses = (status: number) =>
  status === 408 || status === 409 || status === 429 || status >= 500;

/**
 * Embeddings from the OpenAI API (or a server that speaks it). Texts go in batches of at most
 * `maxInputsPerRequest`, one request after another. The client retries rate limits, server
 * errors and timeouts itself, with exponential backoff (0.5 s doubling to 8 s, with jitter)
 * or the wait the server asks for in `retry-after`. It asks for base64 vectors, the compact
 * encoding, and decodes them.
 */
export function createOpenAiEmbedder({
  apiKey,
  baseUrl,
  model,
  dimensions,
  // 256 chunks of ~1,200 characters stay far below the API's per-request token limit.
  maxInputsPerRequest = 256,
  maxRetries = 5,
  timeoutMs = 60_000,
}: {
  apiKey: string;
  /** Unset: OpenAI's own API. */
  baseUrl?: string | undefined;
  model: string;
  /** Asked of the API as `dimensions`; unset: the model's own length. */
  dimensions?: number | undefined;
  maxInputsPerRequest?: number;
  maxRetries?: number;
  timeoutMs?: number;
}): Embedder {
  const dimension = dimensions ?? knownOpenAiEmbeddingDimensions[model];
  if (!dimension)
    throw new Error(`The vector length of ${model} is not known: set OPENAI_EMBEDDING_DIMENSIONS`);
  const client = new OpenAI({ apiKey, baseURL: baseUrl, maxRetries, timeout: timeoutMs });

  const describeFailure = (error: unknown): string => {
    const retried =
      error instanceof APIConnectionError ||
      (error instanceof APIError && error.status !== undefined && retriedStatuses(error.status));
    const reason = error instanceof Error ? error.message : String(error);
    return retried ? `${reason} (gave up after ${maxRetries + 1} attempts)` : reason;
  };

  const embedBatch = async (batch: string[]): Promise<Float32Array[]> => {
    let response: OpenAI.CreateEmbeddingResponse;
    try {
      response = await client.embeddings.create({
        model,
        input: batch,
        ...(dimensions ? { dimensions } : {}),
      });
    } catch (error) {
      throw new EmbeddingRequestError(
        `The embedding service at ${client.baseURL} failed to embed ${batch.length} texts with ${model}: ${describeFailure(error)}`,
        { cause: error },
      );
    }
    if (response.data.length !== batch.length)
      throw new EmbeddingRequestError(
        `The embedding service answered ${response.data.length} vectors for ${batch.length} texts`,
      );
    return response.data
      .toSorted((a, b) => a.index - b.index)
      .map(({ embedding }) => {
        if (embedding.length !== dimension)
          throw new EmbeddingRequestError(
            `${model} answered ${embedding.length}-dimensional vectors where ${dimension} were expected: set OPENAI_EMBEDDING_DIMENSIONS to the model's length`,
          );
        return normalize(Float32Array.from(embedding));
      });
  };

  return {
    id: `openai/${model}`,
    dimension,
    degraded: false,
    embed: async (texts) => {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += maxInputsPerRequest)
        vectors.push(...(await embedBatch(texts.slice(start, start + maxInputsPerRequest))));
      return vectors;
    },
    close: async () => {},
  };
}
