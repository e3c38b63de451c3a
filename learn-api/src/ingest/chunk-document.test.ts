import { describe, expect, it } from 'vitest';
import { chunkDocument } from './chunk-document.js';
import type { DocumentChunk, ExtractedDocument, TextBlock } from './extracted-document.js';

/** Paragraphs of five distinct sentences each. */
function prose(sentences: number, first = 0): string {
  const paragraphs: string[] = [];
  for (let i = first; i < first + sentences; i += 5) {
    const count = Math.min(5, first + sentences - i);
    paragraphs.push(
      Array.from(
        { length: count },
        (_, j) =>
          `Sentence ${i + j} explains how vertex ${i + j} reaches edge ${(i + j) * 7} in the graph.`,
      ).join(' '),
    );
  }
  return paragraphs.join('\n\n');
}

function documentOf(...blocks: TextBlock[]): ExtractedDocument {
  return { title: null, pageCount: null, outline: [], blocks };
}

function spanOf(block: TextBlock, chunk: DocumentChunk): [number, number] {
  const start = block.text.indexOf(chunk.text);
  expect(start, 'a chunk is a piece of its block').toBeGreaterThanOrEqual(0);
  return [start, start + chunk.text.length];
}

describe('chunkDocument', () => {
  const long: TextBlock = { headingPath: ['Graphs'], text: prose(80), pages: [] };
  long.pages = [
    { offset: 0, page: 4 },
    { offset: long.text.indexOf('Sentence 30 '), page: 5 },
  ];
  const short: TextBlock = {
    headingPath: ['Graphs', 'Trees'],
    text: 'A tree is a connected graph without cycles.',
    pages: [{ offset: 0, page: 6 }],
  };
  const chunks = chunkDocument({ document: documentOf(long, short) });
  const longChunks = chunks.filter((chunk) => chunk.headingPath.length === 1);

  it('cuts a long section into chunks of about the target size, each in its section', () => {
    expect(long.text.length).toBeGreaterThan(4000);
    expect(chunks.map((chunk) => chunk.ordinal)).toEqual(chunks.map((_, i) => i));
    expect(longChunks.length).toBeGreaterThanOrEqual(4);
    for (const chunk of longChunks.slice(0, -1)) {
      expect(chunk.text.length).toBeGreaterThanOrEqual(600);
      expect(chunk.text.length).toBeLessThanOrEqual(1200);
    }
    expect(chunks.at(-1)).toMatchObject({
      headingPath: ['Graphs', 'Trees'],
      text: short.text,
      pageStart: 6,
      pageEnd: 6,
    });
  });

  it('ends chunks at sentence ends and repeats about 150 characters, from a sentence start', () => {
    for (let i = 1; i < longChunks.length; i++) {
      const [, previousEnd] = spanOf(long, longChunks[i - 1]!);
      const [start] = spanOf(long, longChunks[i]!);
      expect(longChunks[i - 1]!.text).toMatch(/\.$/);
      expect(longChunks[i]!.text).toMatch(/^Sentence \d+ /);
      expect(previousEnd - start).toBeGreaterThan(0);
      expect(previousEnd - start).toBeLessThanOrEqual(150);
    }
    // Together the chunks hold the whole section.
    expect(longChunks[0]!.text.startsWith('Sentence 0 ')).toBe(true);
    expect(long.text.endsWith(longChunks.at(-1)!.text)).toBe(true);
  });

  it('gives each chunk the pages it spans', () => {
    const pageBreak = long.pages[1]!.offset;
    for (const chunk of longChunks) {
      const [start, end] = spanOf(long, chunk);
      expect(chunk.pageStart).toBe(start < pageBreak ? 4 : 5);
      expect(chunk.pageEnd).toBe(end <= pageBreak ? 4 : 5);
    }
    expect(longChunks.some((chunk) => chunk.pageStart === 4 && chunk.pageEnd === 5)).toBe(true);
  });

  it('leaves page spans empty for formats without pages', () => {
    const [chunk] = chunkDocument({
      document: documentOf({ headingPath: [], text: 'No pages here.', pages: [] }),
    });
    expect(chunk).toMatchObject({ pageStart: null, pageEnd: null });
  });

  it('merges a small remainder into the chunk before it', () => {
    const text = prose(21);
    expect(text.length).toBeGreaterThan(1300);
    expect(text.length).toBeLessThan(1500);
    const result = chunkDocument({ document: documentOf({ headingPath: [], text, pages: [] }) });
    expect(result.map((chunk) => chunk.text)).toEqual([text]);
    // A remainder big enough to stand alone gets its own chunk.
    const longer = prose(26);
    expect(longer.length).toBeGreaterThan(1500);
    const two = chunkDocument({
      document: documentOf({ headingPath: [], text: longer, pages: [] }),
    });
    expect(two).toHaveLength(2);
    expect(two[1]!.text.length).toBeGreaterThan(300);
  });

  it('cuts between words when a section has no sentence or line ends', () => {
    const words = Array.from({ length: 700 }, (_, i) => `word${i}`).join(' ');
    const block: TextBlock = { headingPath: [], text: words, pages: [] };
    const result = chunkDocument({ document: documentOf(block) });
    expect(result.length).toBeGreaterThan(2);
    for (const chunk of result) {
      const [start, end] = spanOf(block, chunk);
      expect(start === 0 || words[start - 1] === ' ').toBe(true);
      expect(end === words.length || words[end] === ' ').toBe(true);
    }
  });

  it('keeps a word longer than a chunk whole', () => {
    const blob = 'x'.repeat(3000);
    const text = `Start here. ${blob} end.`;
    const result = chunkDocument({ document: documentOf({ headingPath: [], text, pages: [] }) });
    expect(result.some((chunk) => chunk.text.includes(blob))).toBe(true);
  });

  it('estimates tokens as sub-word tokenisers count them and gives key terms', () => {
    for (const chunk of longChunks) {
      expect(chunk.tokenCount).toBeGreaterThan(chunk.text.length / 6);
      expect(chunk.tokenCount).toBeLessThan(chunk.text.length / 2);
      expect(chunk.keyTerms.length).toBeGreaterThan(0);
    }
    const [tree] = chunks.slice(-1);
    expect(tree!.keyTerms).toEqual(expect.arrayContaining(['connected graph', 'tree']));
  });
});
