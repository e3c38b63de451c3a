/** Vector lengths of OpenAI's embedding models; another model needs OPENAI_EMBEDDING_DIMENSIONS. */
export const knownOpenAiEmbeddingDimensions: Readonly<Record<string, number>> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};
