import { z } from 'zod';
import { type HandlerResult, openAiError } from './openai-error.js';

/** Turns texts into unit vectors, all of one length (the server's source of meaning). */
export type EmbedTexts = (texts: string[]) => Promise<Float32Array[]>;

// The vector lengths OpenAI's models answer with when the request names no `dimensions`.
const modelDimensions: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};
// The API's own limit on inputs per request.
const maxInputs = 2048;

const EmbeddingsRequestSchema = z.object({
  model: z.string().min(1),
  input: z.union(
    [
      z.string().min(1, 'must not be empty'),
      z.array(z.string().min(1, 'must not be empty')).min(1).max(maxInputs),
    ],
    { error: 'must be a text or a list of texts (this server takes no token arrays)' },
  ),
  encoding_format: z.enum(['float', 'base64']).default('float'),
  dimensions: z.number().int().min(1).optional(),
  user: z.string().optional(),
});

/** Deterministic values in [-1, 1) from a seed (mulberry32). */
function seededValues(seed: number, count: number): Float64Array {
  const values = new Float64Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    values[i] = (((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * 2 - 1;
  }
  return values;
}

const reflections = new Map<number, { normal: Float64Array; squaredLength: number }>();

/**
 * Carries a vector into a longer space without changing any cosine: pad with zeros, then
 * reflect through a fixed hyperplane (a Householder reflection is orthogonal, so lengths and
 * angles stay; it spreads the values over every coordinate).
 */
function widen(vector: Float32Array, length: number): Float32Array {
  if (length === vector.length) return vector;
  let reflection = reflections.get(length);
  if (!reflection) {
    const normal = seededValues(length, length);
    reflection = { normal, squaredLength: normal.reduce((sum, value) => sum + value * value, 0) };
    reflections.set(length, reflection);
  }
  const { normal, squaredLength } = reflection;
  let projection = 0;
  for (let i = 0; i < vector.length; i++) projection += normal[i]! * vector[i]!;
  const scale = (2 * projection) / squaredLength;
  const widened = new Float32Array(length);
  for (let i = 0; i < length; i++) widened[i] = (vector[i] ?? 0) - scale * normal[i]!;
  return widened;
}

function encode(vector: Float32Array, format: 'float' | 'base64'): number[] | string {
  return format === 'float'
    ? Array.from(vector)
    : Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
}

/**
 * `POST /v1/embeddings`. The vectors come from `embed` and are answered at the length the
 * model would give (or the requested `dimensions`), in the requested encoding.
 */
export function createEmbeddingsHandler({ embed }: { embed: EmbedTexts }) {
  return async (body: unknown): Promise<HandlerResult> => {
    const parsed = EmbeddingsRequestSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const param = issue.path.map(String).join('.');
      return openAiError(400, `Invalid value for '${param}': ${issue.message}`, {
        param: String(issue.path[0] ?? ''),
      });
    }
    const request = parsed.data;
    const inputs = typeof request.input === 'string' ? [request.input] : request.input;
    const vectors = await embed(inputs);
    const nativeLength = vectors[0]!.length;
    const length = request.dimensions ?? modelDimensions[request.model] ?? nativeLength;
    if (length < nativeLength)
      return openAiError(
        400,
        `Invalid value for 'dimensions': this server answers at least ${nativeLength} dimensions`,
        { param: 'dimensions' },
      );
    const characters = inputs.reduce((sum, input) => sum + input.length, 0);
    // An estimate: about four characters per token in English text.
    const tokens = Math.ceil(characters / 4);
    return {
      status: 200,
      body: {
        object: 'list',
        data: vectors.map((vector, index) => ({
          object: 'embedding',
          index,
          embedding: encode(widen(vector, length), request.encoding_format),
        })),
        model: request.model,
        usage: { prompt_tokens: tokens, total_tokens: tokens },
      },
    };
  };
}
