import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { createCaptureLogger } from '../../test-support/capture-logger.js';
import { findTestEmbeddingModel } from '../../test-support/embedding-model.js';
import { createEmbedder } from './create-embedder.js';
import { EmbeddingModelLoadError } from './onnx-embedder.js';

const modelDir = await findTestEmbeddingModel();

const required = {
  DATABASE_URL: 'postgres://learntrac:pw@127.0.0.1:5432/learntrac',
  COGNITO_ISSUER: 'http://localhost:8002',
  COGNITO_CLIENT_IDS: 'learntrac-web',
};

describe('choosing the embedder at start-up', () => {
  let emptyDir: string;
  beforeAll(async () => {
    emptyDir = await mkdtemp(join(tmpdir(), 'no-embedding-model-'));
  });
  afterAll(() => rm(emptyDir, { recursive: true, force: true }));

  it('takes OpenAI when OPENAI_API_KEY is set, even with the local model there', async () => {
    const { logger, records } = createCaptureLogger();
    const config = parseConfig({
      ...required,
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
    });
    const embedder = await createEmbedder({ config, logger });
    expect(embedder).toMatchObject({
      id: 'openai/text-embedding-3-small',
      dimension: 1536,
      degraded: false,
    });
    expect(records()).toEqual([
      expect.objectContaining({ msg: 'embedder ready', embedder: 'openai/text-embedding-3-small' }),
    ]);
  });

  it.skipIf(!modelDir)('takes the local model when its files are there', async () => {
    const { logger, records } = createCaptureLogger();
    const config = parseConfig({ ...required, EMBEDDING_MODEL_DIR: modelDir });
    const embedder = await createEmbedder({ config, logger });
    try {
      expect(embedder).toMatchObject({ id: 'all-minilm-l6-v2-q', dimension: 384, degraded: false });
      expect(records().filter((record) => record.level === 40)).toEqual([]);
    } finally {
      await embedder.close();
    }
  });

  it('falls back to word matching without the model, warning how to fetch it', async () => {
    const { logger, records } = createCaptureLogger();
    const config = parseConfig({ ...required, EMBEDDING_MODEL_DIR: emptyDir });
    const embedder = await createEmbedder({ config, logger });
    expect(embedder).toMatchObject({ id: 'lexical-hashed-ngrams', degraded: true });
    const warning = records().find((record) => record.level === 40);
    expect(warning?.msg).toMatch(/^Semantic search is degraded: the embedding model is missing/);
    expect(warning?.msg).toContain(`\`./dev/models/fetch-model ${emptyDir}\``);
    expect(warning?.fix).toBe(`./dev/models/fetch-model ${emptyDir}`);
    expect(warning?.missing).toEqual([
      join(emptyDir, 'all-minilm-l6-v2-q.onnx'),
      join(emptyDir, 'all-minilm-l6-v2-q-tokenizer.json'),
    ]);
  });

  it('stops start-up when the model files are there but do not load', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'broken-embedding-model-'));
    try {
      await writeFile(join(dir, 'all-minilm-l6-v2-q.onnx'), 'not a model');
      await writeFile(join(dir, 'all-minilm-l6-v2-q-tokenizer.json'), '{}');
      const config = parseConfig({ ...required, EMBEDDING_MODEL_DIR: dir });
      const { logger } = createCaptureLogger();
      await expect(createEmbedder({ config, logger })).rejects.toThrow(EmbeddingModelLoadError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
