import { access, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import type { Embedder } from './embedder.js';
import { normalize } from './normalize.js';

export const onnxEmbedderId = 'all-minilm-l6-v2-q';
const dimension = 384;
// The model was trained on sequences of at most 256 tokens; longer text is cut.
const maxTokens = 256;
// Bounds the tokenizer's work on huge inputs: 256 tokens of ordinary text span far fewer characters.
const maxCharacters = maxTokens * 64;

/** The command that puts the model files into `modelDir`; start-up warnings and test skips name it. */
export function fetchModelCommand(modelDir: string): string {
  return `./dev/models/fetch-model ${modelDir}`;
}

export function onnxModelFiles(modelDir: string) {
  return {
    model: join(modelDir, `${onnxEmbedderId}.onnx`),
    tokenizer: join(modelDir, `${onnxEmbedderId}-tokenizer.json`),
  };
}

/** The model files missing from `modelDir`; empty when the model is there. */
export async function findMissingModelFiles(modelDir: string): Promise<string[]> {
  const files = Object.values(onnxModelFiles(modelDir));
  const present = await Promise.all(
    files.map((file) =>
      access(file).then(
        () => true,
        () => false,
      ),
    ),
  );
  return files.filter((_, index) => !present[index]);
}

/** Threads for one inference: one core is left for serving requests, and more than 4 gain little. */
export function defaultOnnxThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

export class EmbeddingModelLoadError extends Error {
  override readonly name = 'EmbeddingModelLoadError';
}

/**
 * all-MiniLM-L6-v2 (quantised) run in this process: token embeddings mean-pooled, then
 * L2-normalised. Each text runs as its own sequence, one at a time: the quantised model
 * scales its activations over the whole input tensor, so in a padded batch a text's vector
 * would depend on its neighbours, and on CPU such batches were no faster (and held more
 * memory) than one text after another. Serialising runs also lets a search query slip in
 * between the chunks of a long ingest instead of waiting for all of them.
 */
export async function createOnnxEmbedder({
  modelDir,
  threads = defaultOnnxThreads(),
}: {
  modelDir: string;
  threads?: number;
}): Promise<Embedder> {
  const files = onnxModelFiles(modelDir);
  let tokenizer: Tokenizer;
  let session: InferenceSession;
  try {
    tokenizer = new Tokenizer(JSON.parse(await readFile(files.tokenizer, 'utf8')), {});
    session = await InferenceSession.create(files.model, {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
  } catch (error) {
    throw new EmbeddingModelLoadError(
      `Could not load the embedding model from ${modelDir} (${String(error)}); fetch it again with ${fetchModelCommand(modelDir)}`,
      { cause: error },
    );
  }

  const tokenize = (text: string): number[] => {
    const ids = tokenizer.encode(text.slice(0, maxCharacters)).ids;
    // Cut inside the text, keeping the closing [SEP] the model expects.
    return ids.length <= maxTokens ? ids : [...ids.slice(0, maxTokens - 1), ids.at(-1)!];
  };

  const embedOne = async (text: string): Promise<Float32Array> => {
    const ids = tokenize(text);
    const shape = [1, ids.length];
    const output = await session.run({
      input_ids: new Tensor('int64', BigInt64Array.from(ids, BigInt), shape),
      // One unpadded sequence: every token is attended to and belongs to sentence A.
      attention_mask: new Tensor('int64', new BigInt64Array(ids.length).fill(1n), shape),
      token_type_ids: new Tensor('int64', new BigInt64Array(ids.length), shape),
    });
    const hidden = output.last_hidden_state;
    if (!hidden || hidden.dims[2] !== dimension)
      throw new Error(`The embedding model gave no ${dimension}-dimensional last_hidden_state`);
    const states = hidden.data as Float32Array;
    // Mean over the tokens the attention mask covers (here: all of them).
    const vector = new Float32Array(dimension);
    for (let token = 0; token < ids.length; token++) {
      const offset = token * dimension;
      for (let k = 0; k < dimension; k++) vector[k]! += states[offset + k]!;
    }
    return normalize(vector);
  };

  let queue: Promise<unknown> = Promise.resolve();
  const runInTurn = (text: string): Promise<Float32Array> => {
    const run = queue.then(() => embedOne(text));
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    id: onnxEmbedderId,
    dimension,
    degraded: false,
    embed: async (texts) => {
      const vectors: Float32Array[] = [];
      // One text at a time, so other callers' texts take their turns in between.
      for (const text of texts) vectors.push(await runInTurn(text));
      return vectors;
    },
    close: async () => {
      await queue;
      await session.release();
    },
  };
}
