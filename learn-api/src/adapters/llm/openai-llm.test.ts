import {
  type RunningOpenAiCompatibleServer,
  startOpenAiCompatibleServer,
} from '@learntrac/dev/openai-compatible';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCaptureLogger } from '../../test-support/capture-logger.js';
import { heapChunk, otherConceptTerms } from '../../test-support/data-structures-text.js';
import { findTestEmbeddingModel } from '../../test-support/embedding-model.js';
import type { Embedder } from '../embedder/embedder.js';
import { createOnnxEmbedder } from '../embedder/onnx-embedder.js';
import { answerStructuredLocally } from './answer-structured-locally.js';
import { type Llm, LlmUnavailableError, type QuestionRequest } from './llm.js';
import { createLocalLlm } from './local-llm.js';
import { createOpenAiLlm } from './openai-llm.js';

const modelDir = await findTestEmbeddingModel();

const request: QuestionRequest = {
  concept: 'binary heap',
  chunks: [heapChunk],
  distractorTerms: otherConceptTerms,
  kinds: ['cloze', 'choice', 'open'],
  count: 4,
  avoidPrompts: [],
};
const openAnswer = {
  prompt: 'In your own words, what is meant by "binary heap"?',
  expectedAnswer:
    'A binary heap is a complete binary tree in which every parent is smaller than or equal to its children.',
  keyTerms: ['complete binary tree', 'parent', 'children'],
  answer: 'A complete binary tree where each parent is no larger than its children.',
  sourceText: heapChunk.text,
};

// The local server runs the local writer and grader behind the chat completions API, so the
// real openai client, its structured outputs, retries and timeouts are what is tested.
describe.skipIf(!modelDir)('OpenAI question writer and grader through the openai client', () => {
  const apiKey = 'sk-test-key';
  let embedder: Embedder;
  let local: Llm;
  let server: RunningOpenAiCompatibleServer;
  const llmFor = (options: { timeoutMs?: number; maxRetries?: number } = {}) => {
    const capture = createCaptureLogger();
    const llm = createOpenAiLlm({
      apiKey,
      baseUrl: server.url,
      model: 'gpt-4o-mini',
      timeoutMs: options.timeoutMs ?? 10_000,
      maxRetries: options.maxRetries ?? 2,
      logger: capture.logger,
    });
    return { llm, capture };
  };

  beforeAll(async () => {
    embedder = await createOnnxEmbedder({ modelDir: modelDir! });
    local = createLocalLlm({ embedder });
    server = await startOpenAiCompatibleServer({
      embed: (texts) => embedder.embed(texts),
      answer: answerStructuredLocally(local),
      apiKey,
    });
  });
  afterAll(async () => {
    await server?.close();
    await embedder?.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('asks for questions as a structured output and gets them back parsed and validated', async () => {
    const { llm } = llmFor();
    expect(llm).toMatchObject({ kind: 'openai', id: 'openai:gpt-4o-mini' });
    const questions = await llm.generateQuestions(request);
    expect(questions).toEqual(await local.generateQuestions(request));
    const sent = server.requests[0]!.body as {
      model: string;
      response_format: { type: string; json_schema: { name: string; strict: boolean } };
    };
    expect(sent.model).toBe('gpt-4o-mini');
    expect(sent.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'generated_questions', strict: true },
    });
  });

  it('grades an open answer and logs the tokens each call used', async () => {
    const { llm, capture } = llmFor();
    const grade = await llm.gradeOpenAnswer(openAnswer);
    expect(grade).toEqual(await local.gradeOpenAnswer(openAnswer));
    const usage = capture.records().find((record) => record.msg === 'chat model tokens')!;
    expect(usage).toMatchObject({ operation: 'grade an answer', model: 'gpt-4o-mini' });
    expect(usage.promptTokens).toBeGreaterThan(0);
    expect(usage.totalTokens).toBe(Number(usage.promptTokens) + Number(usage.completionTokens));
  });

  it('retries failed calls with backoff until one succeeds', async () => {
    const { llm } = llmFor({ maxRetries: 2 });
    server.injectFaults({ status: 503 }, { status: 429, retryAfterMs: 50 });
    const started = performance.now();
    const grade = await llm.gradeOpenAnswer(openAnswer);
    expect(grade.score).toBeGreaterThan(0.5);
    expect(server.requests.map((sent) => sent.status)).toEqual([503, 429, 200]);
    // The first retry waits the client's own backoff (about half a second).
    expect(performance.now() - started).toBeGreaterThan(300);
  });

  it('gives up with LlmUnavailableError once the retries are spent', async () => {
    const { llm } = llmFor({ maxRetries: 1 });
    server.injectFaults({ status: 500 }, { status: 500 });
    await expect(llm.gradeOpenAnswer(openAnswer)).rejects.toThrow(LlmUnavailableError);
    expect(server.requests).toHaveLength(2);
  });

  it('times out a call that takes too long', async () => {
    const { llm } = llmFor({ timeoutMs: 1_000, maxRetries: 0 });
    server.injectFaults({ delayMs: 5_000 });
    const started = performance.now();
    await expect(llm.generateQuestions(request)).rejects.toThrow(/timed out/i);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('refuses an answer that does not match the schema', async () => {
    const wrongShape = await startOpenAiCompatibleServer({
      embed: (texts) => embedder.embed(texts),
      answer: async () => ({ score: 'high' }),
    });
    try {
      const llm = createOpenAiLlm({
        apiKey,
        baseUrl: wrongShape.url,
        model: 'gpt-4o-mini',
        timeoutMs: 5_000,
        maxRetries: 0,
        logger: createCaptureLogger().logger,
      });
      await expect(llm.gradeOpenAnswer(openAnswer)).rejects.toThrow(LlmUnavailableError);
    } finally {
      await wrongShape.close();
    }
  });
});
