import type { Database } from '../../adapters/database/database.js';
import type { SourceChunk } from '../../adapters/llm/llm.js';
import { normaliseAnswer } from '../../adapters/llm/text-analysis.js';
import { ApiError } from '../../errors/api-error.js';
import type { VisibleConcept } from './question-access.js';

// Enough candidates for close distractors without embedding a whole book's vocabulary.
const maxDistractorTerms = 300;

export interface ConceptMaterial {
  chunks: SourceChunk[];
  /** Terms of the material's other concepts, none of them this concept's own. */
  distractorTerms: string[];
}

/**
 * The chunks a concept's questions are drawn from, and the terms of the other concepts of
 * the same documents: the concepts on paths and the key terms of the other chunks.
 */
export async function gatherMaterial({
  db,
  concept,
}: {
  db: Database;
  concept: VisibleConcept;
}): Promise<ConceptMaterial> {
  const rows = await db.chunk.findMany({
    where: { id: { in: concept.chunkIds } },
    select: { id: true, documentId: true, text: true, headingPath: true, keyTerms: true },
  });
  if (rows.length === 0) {
    throw new ApiError(
      'UNPROCESSABLE',
      `Concept #${concept.ticketId} has no source material to ask about`,
    );
  }
  const chunks = concept.chunkIds
    .map((id) => rows.find((row) => row.id === id))
    .filter((row) => row !== undefined)
    .map(({ id, text, headingPath, keyTerms }) => ({ id, text, headingPath, keyTerms }));
  const documentIds = [...new Set(rows.map((row) => row.documentId))];

  const [otherConcepts, otherChunks] = await Promise.all([
    db.conceptMetadata.findMany({
      where: { ticketId: { not: concept.ticketId }, chunk: { documentId: { in: documentIds } } },
      select: { concept: true },
      distinct: ['concept'],
    }),
    db.chunk.findMany({
      where: { documentId: { in: documentIds }, id: { notIn: concept.chunkIds } },
      select: { keyTerms: true },
      orderBy: [{ documentId: 'asc' }, { ordinal: 'asc' }],
    }),
  ]);

  const own = new Set(
    [concept.concept, ...chunks.flatMap((chunk) => chunk.keyTerms)].map(normaliseAnswer),
  );
  const seen = new Set<string>();
  const distractorTerms: string[] = [];
  for (const term of [
    ...otherConcepts.map((row) => row.concept),
    ...otherChunks.flatMap((row) => row.keyTerms),
  ]) {
    const key = normaliseAnswer(term);
    if (!key || own.has(key) || seen.has(key)) continue;
    seen.add(key);
    distractorTerms.push(term.trim());
    if (distractorTerms.length >= maxDistractorTerms) break;
  }
  return { chunks, distractorTerms };
}
