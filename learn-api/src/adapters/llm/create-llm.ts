import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { Embedder } from '../embedder/embedder.js';
import type { Llm } from './llm.js';
import { createLocalLlm } from './local-llm.js';
import { createOpenAiLlm } from './openai-llm.js';

/** The OpenAI chat model when OPENAI_CHAT_MODEL is set; otherwise the local writer and grader. */
export function createLlm({
  config,
  embedder,
  logger,
}: {
  config: Pick<
    Config,
    'openaiChatModel' | 'openaiApiKey' | 'openaiBaseUrl' | 'llmTimeoutMs' | 'llmMaxRetries'
  >;
  embedder: Embedder;
  logger: Logger;
}): Llm {
  const { openaiChatModel: model, openaiApiKey: apiKey } = config;
  const llm =
    model && apiKey
      ? createOpenAiLlm({
          apiKey,
          baseUrl: config.openaiBaseUrl,
          model,
          timeoutMs: config.llmTimeoutMs,
          maxRetries: config.llmMaxRetries,
          logger,
        })
      : createLocalLlm({ embedder });
  logger.info({ llm: llm.id }, 'question writer and grader ready');
  return llm;
}
