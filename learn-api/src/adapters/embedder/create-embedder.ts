import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { Embedder } from './embedder.js';
import { createLexicalEmbedder } from './lexical-embedder.js';
import { createOnnxEmbedder, fetchModelCommand, findMissingModelFiles } from './onnx-embedder.js';
import { createOpenAiEmbedder } from './openai-embedder.js';

/**
 * OpenAI when OPENAI_API_KEY is set; otherwise the local model from EMBEDDING_MODEL_DIR; and
 * only when its files are missing, the lexical fallback, with a warning that says how to fix it.
 * A model that is there but does not load stops start-up rather than quietly degrading search.
 */
export async function createEmbedder({
  config,
  logger,
}: {
  config: Pick<
    Config,
    | 'embeddingModelDir'
    | 'openaiApiKey'
    | 'openaiBaseUrl'
    | 'openaiEmbeddingModel'
    | 'openaiEmbeddingDimensions'
  >;
  logger: Pick<Logger, 'info' | 'warn'>;
}): Promise<Embedder> {
  let embedder: Embedder;
  if (config.openaiApiKey) {
    embedder = createOpenAiEmbedder({
      apiKey: config.openaiApiKey,
      baseUrl: config.openaiBaseUrl,
      model: config.openaiEmbeddingModel,
      dimensions: config.openaiEmbeddingDimensions,
    });
  } else {
    const missing = await findMissingModelFiles(config.embeddingModelDir);
    if (missing.length === 0) {
      embedder = await createOnnxEmbedder({ modelDir: config.embeddingModelDir });
    } else {
      const fix = fetchModelCommand(config.embeddingModelDir);
      logger.warn(
        { missing, fix },
        `Semantic search is degraded: the embedding model is missing (${missing.join(', ')}), so ` +
          'searches match words, not meaning. To fix it, fetch the model with ' +
          `\`${fix}\` in the repository (or set EMBEDDING_MODEL_DIR to a folder that holds it), restart ` +
          'learn-api, and reindex the documents embedded meanwhile.',
      );
      embedder = createLexicalEmbedder();
    }
  }
  logger.info(
    { embedder: embedder.id, dimension: embedder.dimension, degraded: embedder.degraded },
    'embedder ready',
  );
  return embedder;
}
