import { fetchModelCommand, findMissingModelFiles } from '../adapters/embedder/onnx-embedder.js';
import { defaultEmbeddingModelDir } from '../config.js';

/**
 * The folder holding the local embedding model (EMBEDDING_MODEL_DIR, else the default). In CI
 * a missing model is an error; elsewhere the tests that need it are skipped with the command
 * that fetches it.
 */
export async function findTestEmbeddingModel(): Promise<string | undefined> {
  const modelDir = process.env.EMBEDDING_MODEL_DIR || defaultEmbeddingModelDir;
  const missing = await findMissingModelFiles(modelDir);
  if (missing.length === 0) return modelDir;
  const reason = `the embedding model is missing (${missing.join(', ')}): fetch it with ${fetchModelCommand(modelDir)}`;
  if (process.env.CI) throw new Error(reason);
  console.warn(`Skipping tests that need the embedding model: ${reason}`);
  return undefined;
}
