import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGrounded } from '../../services/questions/check-grounded.js';
import {
  heapChunk,
  otherConceptTerms,
  stackChunk,
} from '../../test-support/data-structures-text.js';
import { findTestEmbeddingModel } from '../../test-support/embedding-model.js';
import type { Embedder } from '../embedder/embedder.js';
import { createOnnxEmbedder } from '../embedder/onnx-embedder.js';
import { clozeBlank, difficultyOfBloomLevel, type Llm, type QuestionRequest } from './llm.js';
import { createLocalLlm } from './local-llm.js';

const modelDir = await findTestEmbeddingModel();

const request: QuestionRequest = {
  concept: 'binary heap',
  chunks: [heapChunk],
  distractorTerms: otherConceptTerms,
  kinds: ['cloze', 'choice', 'open'],
  count: 9,
  avoidPrompts: [],
};

describe.skipIf(!modelDir)('local question writer and grader', () => {
  let embedder: Embedder;
  let llm: Llm;
  beforeAll(async () => {
    embedder = await createOnnxEmbedder({ modelDir: modelDir! });
    llm = createLocalLlm({ embedder });
  });
  afterAll(() => embedder?.close());

  it('writes cloze, choice and open questions that its source chunk answers', async () => {
    const questions = await llm.generateQuestions(request);
    expect(new Set(questions.map((question) => question.kind))).toEqual(
      new Set(['cloze', 'choice', 'open']),
    );
    const material = { chunks: [heapChunk], distractorTerms: otherConceptTerms };
    for (const question of questions) {
      expect(question.sourceChunkIds).toEqual([heapChunk.id]);
      expect(checkGrounded({ question, material })).toMatchObject({ grounded: true });
    }
    const cloze = questions.find((question) => question.kind === 'cloze')!;
    expect(cloze.prompt).toContain(clozeBlank);
    expect(heapChunk.text).toContain(
      cloze.prompt.replace('Fill in the blank: ', '').replace(clozeBlank, cloze.expectedAnswer),
    );
    expect(new Set(questions.map((question) => question.prompt)).size).toBe(questions.length);
  });

  it('ties each difficulty to a Bloom level, from recall to analysis', async () => {
    const questions = await llm.generateQuestions(request);
    const levels = new Set(questions.map((question) => question.bloomLevel));
    expect(levels).toContain('remember');
    expect(levels).toContain('understand');
    expect(levels).toContain('analyze');
    expect(difficultyOfBloomLevel('remember')).toBe(1);
    expect(difficultyOfBloomLevel('analyze')).toBe(4);
  });

  it("offers as wrong choices the other concepts' terms nearest in meaning, never unrelated words", async () => {
    const questions = await llm.generateQuestions({ ...request, kinds: ['choice'] });
    expect(questions.length).toBeGreaterThan(0);
    for (const question of questions) {
      const wrong = question.choices.filter((choice) => choice !== question.expectedAnswer);
      expect(wrong).toHaveLength(3);
      for (const choice of wrong) expect(otherConceptTerms).toContain(choice);
      expect(question.choices).toContain(question.expectedAnswer);
    }
    const definition = questions.find((question) => question.expectedAnswer === 'binary heap')!;
    // Tree-like structures are closer to "binary heap" than a matrix of a graph's edges.
    expect(definition.choices).toContain('binary search tree');
    expect(definition.choices).not.toContain('adjacency matrix');
  });

  it('writes no choice question when the material has no other concepts to offer', async () => {
    const questions = await llm.generateQuestions({
      ...request,
      kinds: ['choice'],
      distractorTerms: [],
    });
    expect(questions).toEqual([]);
  });

  it('skips prompts the concept already has and respects the count', async () => {
    const first = await llm.generateQuestions({ ...request, count: 2 });
    expect(first).toHaveLength(2);
    const next = await llm.generateQuestions({
      ...request,
      count: 2,
      avoidPrompts: first.map((question) => question.prompt),
    });
    expect(next.map((question) => question.prompt)).not.toContain(first[0]!.prompt);
    expect(next.map((question) => question.prompt)).not.toContain(first[1]!.prompt);
  });

  it('draws from every chunk of the concept', async () => {
    const questions = await llm.generateQuestions({
      ...request,
      concept: 'stack',
      chunks: [stackChunk, heapChunk],
      distractorTerms: ['queue', 'linked list', 'hash table'],
    });
    expect(questions.some((question) => question.sourceChunkIds[0] === stackChunk.id)).toBe(true);
  });

  describe('grading an open answer', () => {
    const question = {
      prompt: 'In your own words, what is meant by "binary heap"?',
      expectedAnswer:
        'A binary heap is a complete binary tree in which every parent is smaller than or equal to its children.',
      keyTerms: ['complete binary tree', 'parent', 'children'],
      sourceText: heapChunk.text,
    };

    it('gives a full, reworded answer a high score and names what it got right', async () => {
      const grade = await llm.gradeOpenAnswer({
        ...question,
        answer:
          'It is a complete binary tree where each parent node is no larger than its children.',
      });
      expect(grade.score).toBeGreaterThanOrEqual(0.8);
      expect(grade.right).toEqual(['complete binary tree', 'parent', 'children']);
      expect(grade.missing).toEqual([]);
    });

    it('gives a partial answer partial credit and names what is missing', async () => {
      const grade = await llm.gradeOpenAnswer({ ...question, answer: 'A kind of binary tree.' });
      expect(grade.score).toBeGreaterThan(0.1);
      expect(grade.score).toBeLessThan(0.7);
      expect(grade.missing).toContain('parent');
    });

    it('gives an answer about something else almost nothing', async () => {
      const grade = await llm.gradeOpenAnswer({
        ...question,
        answer: 'Preheat the oven and bake the cake for forty minutes.',
      });
      expect(grade.score).toBeLessThan(0.15);
      expect(grade.right).toEqual([]);
    });
  });
});
