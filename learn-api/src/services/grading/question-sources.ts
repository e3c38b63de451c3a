import { z } from '@hono/zod-openapi';
import type { Question } from '@learntrac/db';
import type { Database } from '../../adapters/database/database.js';

export const ReadingSuggestionSchema = z
  .object({
    documentId: z.uuid(),
    documentTitle: z.string(),
    chunkId: z.uuid(),
    headingPath: z.array(z.string()).openapi({ example: ['Trees', 'Binary heaps'] }),
    pageStart: z.number().int().nullable(),
    pageEnd: z.number().int().nullable(),
  })
  .openapi('ReadingSuggestion');
export type ReadingSuggestion = z.infer<typeof ReadingSuggestionSchema>;

/**
 * What a question was drawn from: the text to judge an answer against, and the sections to
 * reread after a wrong answer.
 */
export async function findQuestionSources({
  db,
  question,
}: {
  db: Database;
  question: Pick<Question, 'sourceChunkIds'>;
}): Promise<{ text: string; sections: ReadingSuggestion[] }> {
  const chunks = await db.chunk.findMany({
    where: { id: { in: question.sourceChunkIds } },
    select: {
      id: true,
      documentId: true,
      text: true,
      headingPath: true,
      pageStart: true,
      pageEnd: true,
      document: { select: { title: true } },
    },
    orderBy: [{ documentId: 'asc' }, { ordinal: 'asc' }],
  });
  return {
    text: chunks.map((chunk) => chunk.text).join('\n\n'),
    sections: chunks.map((chunk) => ({
      documentId: chunk.documentId,
      documentTitle: chunk.document.title,
      chunkId: chunk.id,
      headingPath: chunk.headingPath,
      pageStart: chunk.pageStart,
      pageEnd: chunk.pageEnd,
    })),
  };
}
