import { extractKeyTerms } from './extract-key-terms.js';
import type { DocumentChunk, ExtractedDocument, TextBlock } from './extracted-document.js';

export interface ChunkDocumentOptions {
  document: ExtractedDocument;
  /** Characters a chunk aims for. */
  targetSize?: number;
  /** Characters of the previous chunk repeated at the start of the next, for context. */
  overlap?: number;
}

/**
 * Cuts each block into chunks of about `targetSize` characters that repeat about `overlap`
 * characters of the chunk before. Chunks never cross from one block to the next, so each sits
 * in one section; they end at a paragraph or sentence end where one is near, and never inside
 * a word. A remainder too small to stand alone joins the chunk before it.
 */
export function chunkDocument({
  document,
  targetSize = 1200,
  overlap = 150,
}: ChunkDocumentOptions): DocumentChunk[] {
  const pieces = document.blocks.flatMap((block) =>
    splitBlock(block.text, targetSize, overlap).map(([start, end]) => ({ block, start, end })),
  );
  const texts = pieces.map(({ block, start, end }) => block.text.slice(start, end));
  const keyTerms = extractKeyTerms({ texts });
  return pieces.map(({ block, start, end }, ordinal) => ({
    ordinal,
    text: texts[ordinal]!,
    headingPath: block.headingPath,
    pageStart: pageAt(block, start),
    pageEnd: pageAt(block, end - 1),
    keyTerms: keyTerms[ordinal]!,
    tokenCount: estimateTokens(texts[ordinal]!),
  }));
}

/** [start, end) offsets of each chunk, trimmed of surrounding whitespace. */
function splitBlock(text: string, targetSize: number, overlap: number): [number, number][] {
  const spans: [number, number][] = [];
  // A last piece under a quarter of the target is merged into the one before.
  const tail = Math.floor(targetSize / 4);
  let start = skipSpace(text, 0);
  while (start < text.length) {
    const rest = trimEnd(text, text.length);
    if (rest - start <= targetSize + tail) {
      if (rest > start) spans.push([start, rest]);
      break;
    }
    const end = findCut(text, start, start + targetSize);
    spans.push([start, trimEnd(text, end)]);
    start = skipSpace(text, findOverlapStart(text, Math.max(start + 1, end - overlap), end));
  }
  return spans;
}

const PARAGRAPH_END = /\n\s*\n/g;
const SENTENCE_END = /[.!?…][)\]"'”’]*(?=\s)/g;
const LINE_END = /\n/g;
const WORD_END = /\S(?=\s)/g;

/**
 * Where to end a chunk that starts at `start` and should end by `limit`: the last paragraph
 * end past half the target, else the last sentence end, line end or word end. A single word
 * longer than the target is kept whole.
 */
function findCut(text: string, start: number, limit: number): number {
  const earliest = start + Math.floor((limit - start) / 2);
  for (const boundary of [PARAGRAPH_END, SENTENCE_END, LINE_END]) {
    const cut = lastBoundary(text, boundary, earliest, limit);
    if (cut !== null) return cut;
  }
  const wordEnd = lastBoundary(text, WORD_END, start, limit);
  if (wordEnd !== null) return wordEnd;
  const nextSpace = text.slice(limit).search(/\s/);
  return nextSpace === -1 ? text.length : limit + nextSpace;
}

/** The end of the last match of `boundary` lying within [from, to]. */
function lastBoundary(text: string, boundary: RegExp, from: number, to: number): number | null {
  const window = text.slice(from, to + 1);
  let cut: number | null = null;
  for (const match of window.matchAll(boundary)) {
    const end =
      boundary === PARAGRAPH_END || boundary === LINE_END
        ? match.index
        : match.index + match[0].length;
    if (end > 0) cut = from + end;
  }
  return cut;
}

/** Where the next chunk begins: the first sentence start in [from, end), else the next word. */
function findOverlapStart(text: string, from: number, end: number): number {
  const window = text.slice(from - 1, end);
  const sentenceStart = /(?:[.!?…][)\]"'”’]*\s+|\n\s*)(?=\S)/.exec(window);
  if (sentenceStart) return from - 1 + sentenceStart.index + sentenceStart[0].length;
  // Mid-word: move on to the next word.
  const wordStart = /\s\S/.exec(window);
  return wordStart ? from + wordStart.index : end;
}

function skipSpace(text: string, offset: number): number {
  while (offset < text.length && /\s/.test(text[offset]!)) offset++;
  return offset;
}

function trimEnd(text: string, offset: number): number {
  while (offset > 0 && /\s/.test(text[offset - 1]!)) offset--;
  return offset;
}

function pageAt(block: TextBlock, offset: number): number | null {
  let page: number | null = null;
  for (const start of block.pages) {
    if (start.offset > offset) break;
    page = start.page;
  }
  return page;
}

/**
 * Roughly what sub-word tokenisers (WordPiece, BPE) make of English: a token per six letters of
 * a word, at least one per word, and one per punctuation mark.
 */
function estimateTokens(text: string): number {
  let tokens = 0;
  for (const match of text.matchAll(/[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu)) {
    tokens += /[\p{L}\p{M}\p{N}]/u.test(match[0]) ? Math.ceil(match[0].length / 6) : 1;
  }
  return tokens;
}
