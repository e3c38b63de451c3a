import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../adapters/embedder/embedder.js';
import { createLexicalEmbedder } from '../../adapters/embedder/lexical-embedder.js';
import { createOnnxEmbedder } from '../../adapters/embedder/onnx-embedder.js';
import { createOpenAiEmbedder } from '../../adapters/embedder/openai-embedder.js';
import { createCaptureLogger } from '../../test-support/capture-logger.js';
import { findTestEmbeddingModel } from '../../test-support/embedding-model.js';
import { recursionChapter } from '../../test-support/insert-material.js';
import { difficultiesOf, inferPrerequisites } from './infer-prerequisites.js';
import { pickConcepts, type SourceChunk } from './pick-concepts.js';

const logger = pino({ level: 'silent' });
const modelDir = await findTestEmbeddingModel();

const chunks: SourceChunk[] = recursionChapter.map((chunk, ordinal) => ({
  id: `chunk-${ordinal}`,
  documentId: 'doc',
  documentTitle: 'Thinking recursively',
  documentRank: 0,
  ordinal,
  text: chunk.text,
  headingPath: chunk.headingPath,
  keyTerms: chunk.keyTerms ?? [],
  pageStart: chunk.pageStart ?? null,
  pageEnd: chunk.pageEnd ?? null,
  relevance: 1,
}));

describe('picking the concepts of material', () => {
  it('takes headings and key terms, one concept per name, in reading order', async () => {
    const concepts = await pickConcepts({ chunks, maxConcepts: 20, logger });
    expect(concepts.map((concept) => concept.name)).toEqual([
      'Functions',
      'argument',
      'parameter',
      'The call stack',
      'stack frame',
      'Recursion',
      'recursive function',
      'Base case',
      'stack overflow',
    ]);
  });

  it('introduces a concept where its section starts rather than at a passing mention', async () => {
    const concepts = await pickConcepts({ chunks, maxConcepts: 20, logger });
    const recursion = concepts.find((concept) => concept.name === 'Recursion')!;
    expect(recursion).toMatchObject({ fromHeading: true, chunk: { id: 'chunk-2' } });
  });

  it('keeps the most weighty concepts when there are more than asked for', async () => {
    const concepts = await pickConcepts({ chunks, maxConcepts: 4, logger });
    expect(concepts).toHaveLength(4);
    // Headings that are also key terms weigh most.
    expect(concepts.map((concept) => concept.name)).toEqual(
      expect.arrayContaining(['Functions', 'The call stack', 'Recursion', 'Base case']),
    );
  });

  it('strips section numbers and leaves out headings that only structure the text', async () => {
    const numbered = chunks.map((chunk, i) => ({
      ...chunk,
      headingPath:
        i === 2 ? ['Chapter 3: Recursion'] : i === 3 ? ['3.1 Base case'] : chunk.headingPath,
    }));
    const names = (await pickConcepts({ chunks: numbered, maxConcepts: 20, logger })).map(
      (concept) => concept.name,
    );
    expect(names).toContain('Recursion');
    expect(names).toContain('Base case');
    expect(names).not.toContain('Exercises');
  });
});

describe('prerequisites read from the material', () => {
  it('makes a concept need the earlier concepts it uses and the section it is in', async () => {
    const concepts = await pickConcepts({ chunks, maxConcepts: 20, logger });
    const edges = inferPrerequisites(concepts);
    const named = edges.map(
      ({ dependent, prerequisite }) =>
        `${concepts[dependent]!.name} <- ${concepts[prerequisite]!.name}`,
    );
    expect(named).toEqual([
      'argument <- Functions',
      'parameter <- Functions',
      'The call stack <- parameter',
      'stack frame <- The call stack',
      'Recursion <- The call stack',
      'recursive function <- Recursion',
      'Base case <- Recursion',
      'stack overflow <- Base case',
    ]);
    // Implied by The call stack <- parameter <- Functions.
    expect(named).not.toContain('The call stack <- Functions');
    // Every edge points back in reading order, so the graph has no cycle.
    expect(edges.every(({ dependent, prerequisite }) => prerequisite < dependent)).toBe(true);
  });

  it('rates a concept harder the longer its chain of prerequisites', () => {
    const edges = [
      { dependent: 1, prerequisite: 0 },
      { dependent: 2, prerequisite: 1 },
      { dependent: 3, prerequisite: 0 },
    ];
    expect(difficultiesOf(4, edges)).toEqual([1, 2, 3, 2]);
    const chain = Array.from({ length: 7 }, (_, i) => ({ dependent: i + 1, prerequisite: i }));
    expect(difficultiesOf(8, chain).at(-1)).toBe(5);
  });
});

describe.skipIf(!modelDir)('concepts that mean the same, by the local model', () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await createOnnxEmbedder({ modelDir: modelDir! });
  });
  afterAll(() => embedder?.close());

  const graphChunks: SourceChunk[] = [
    [
      'Shortest paths',
      'The shortest path between two vertices has the least total weight.',
      ['edge weight'],
    ],
    [
      'Dijkstra',
      'It finds the shortest route from one source when no weight is negative.',
      ['shortest route', 'priority queue'],
    ],
    [
      'Spanning trees',
      'A minimum spanning tree connects every vertex at the least cost.',
      ['minimum spanning tree', 'spanning tree'],
    ],
  ].map(([heading, text, keyTerms], ordinal) => ({
    ...chunks[0]!,
    id: `graph-${ordinal}`,
    ordinal,
    headingPath: [heading as string],
    text: text as string,
    keyTerms: keyTerms as string[],
  }));

  it('merges names of one meaning, keeping the others as aliases', async () => {
    const concepts = await pickConcepts({ chunks: graphChunks, maxConcepts: 20, logger, embedder });
    const shortest = concepts.find((concept) => concept.name === 'Shortest paths')!;
    expect(shortest.aliases).toEqual(['shortest route']);
    expect(concepts.map((concept) => concept.name)).not.toContain('shortest route');
  });

  it('keeps related but different concepts apart', async () => {
    const names = (
      await pickConcepts({ chunks: graphChunks, maxConcepts: 20, logger, embedder })
    ).map((concept) => concept.name);
    expect(names).toEqual(expect.arrayContaining(['minimum spanning tree', 'Spanning trees']));
  });

  it('merges by name only with the word-matching fallback, which cannot tell meaning', async () => {
    const names = (
      await pickConcepts({
        chunks: graphChunks,
        maxConcepts: 20,
        logger,
        embedder: createLexicalEmbedder(),
      })
    ).map((concept) => concept.name);
    expect(names).toContain('shortest route');
  });

  it('goes on by name, with a warning, when the embedder fails', async () => {
    const capture = createCaptureLogger();
    const unreachable = createOpenAiEmbedder({
      apiKey: 'test',
      baseUrl: 'http://127.0.0.1:1/v1',
      model: 'text-embedding-3-small',
      maxRetries: 0,
    });
    const concepts = await pickConcepts({
      chunks: graphChunks,
      maxConcepts: 20,
      logger: capture.logger,
      embedder: unreachable,
    });
    expect(concepts.map((concept) => concept.name)).toContain('shortest route');
    expect(capture.records()).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: 'embedder failed; concepts are merged by name only',
      }),
    );
  });
});
