export type { AnswerStructured } from './chat-completions.js';
export type { EmbedTexts } from './embeddings.js';
export {
  type Fault,
  type RecordedRequest,
  type RunningOpenAiCompatibleServer,
  type StartOpenAiCompatibleServerOptions,
  startOpenAiCompatibleServer,
} from './start-openai-compatible-server.js';
