import { randomUUID } from 'node:crypto';
import type { Database } from '../adapters/database/database.js';
import { createLexicalEmbedder } from '../adapters/embedder/lexical-embedder.js';
import { textToEmbed } from '../services/documents/ingest-document.js';

export interface MaterialChunk {
  headingPath: string[];
  text: string;
  keyTerms?: string[];
  pageStart?: number;
  pageEnd?: number;
}

/**
 * A document and its chunks written straight to the tables, as ingestion leaves them, with
 * vectors from the word-based embedder that `buildTestApp` searches with by default.
 */
export async function insertMaterial({
  db,
  title,
  chunks,
  published = true,
}: {
  db: Database;
  title: string;
  chunks: MaterialChunk[];
  published?: boolean;
}): Promise<{ documentId: string; chunkIds: string[] }> {
  const embedder = createLexicalEmbedder();
  const vectors = await embedder.embed(chunks.map((chunk) => textToEmbed(chunk)));
  const document = await db.document.create({
    data: {
      title,
      contentHash: randomUUID(),
      cognitoUserId: 'instructor',
      status: 'indexed',
      published,
      chunksTotal: chunks.length,
      chunksDone: chunks.length,
      embedder: embedder.id,
      dimension: embedder.dimension,
    },
  });
  const chunkIds: string[] = [];
  for (const [ordinal, chunk] of chunks.entries()) {
    const row = await db.chunk.create({
      data: {
        documentId: document.id,
        ordinal,
        text: chunk.text,
        tokenCount: chunk.text.split(/\s+/).length,
        headingPath: chunk.headingPath,
        keyTerms: chunk.keyTerms ?? [],
        pageStart: chunk.pageStart ?? null,
        pageEnd: chunk.pageEnd ?? chunk.pageStart ?? null,
        embedding: Array.from(vectors[ordinal]!),
        embedder: embedder.id,
        dimension: embedder.dimension,
      },
    });
    chunkIds.push(row.id);
  }
  return { documentId: document.id, chunkIds };
}

/** A short text on recursion, in sections, with the key terms ingestion would find. */
export const recursionChapter: MaterialChunk[] = [
  {
    headingPath: ['Functions'],
    text: 'A function is a named piece of code that takes arguments and gives back a value. Calling a function runs its body with each argument bound to a parameter.',
    keyTerms: ['function', 'argument', 'parameter'],
    pageStart: 1,
  },
  {
    headingPath: ['Functions', 'The call stack'],
    text: 'Every function call gets a stack frame on the call stack, holding its parameters and local variables. When the function returns, its frame is popped and the caller carries on.',
    keyTerms: ['call stack', 'stack frame'],
    pageStart: 2,
  },
  {
    headingPath: ['Recursion'],
    text: 'A recursive function is a function that calls itself. Recursion solves a problem by reducing it to smaller instances of the same problem, and every call pushes one more frame on the call stack.',
    keyTerms: ['recursion', 'recursive function'],
    pageStart: 3,
  },
  {
    headingPath: ['Recursion', 'Base case'],
    text: 'Every recursion needs a base case: an input small enough to answer directly, without calling again. A recursion without a base case fills the call stack until the program fails with a stack overflow.',
    keyTerms: ['base case', 'stack overflow'],
    pageStart: 4,
    pageEnd: 5,
  },
  {
    headingPath: ['Exercises'],
    text: 'Write a function that sums a list of numbers. Which input is its base case?',
    pageStart: 6,
  },
];
