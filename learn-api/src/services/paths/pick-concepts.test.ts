import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { recursionChapter } from '../../test-support/insert-material.js';
import { difficultiesOf, inferPrerequisites } from './infer-prerequisites.js';
import { pickConcepts, type SourceChunk } from './pick-concepts.js';

const logger = pino({ level: 'silent' });

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
