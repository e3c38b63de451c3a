import { randomUUID } from 'node:crypto';
import type { Database } from '../adapters/database/database.js';
import type { SourceChunk } from '../adapters/llm/llm.js';

/** A document with the given chunks, written straight to the tables as ingestion leaves them. */
export async function insertDocument({
  db,
  title,
  chunks,
}: {
  db: Database;
  title: string;
  chunks: Omit<SourceChunk, 'id'>[];
}): Promise<{ documentId: string; chunkIds: string[] }> {
  const document = await db.document.create({
    data: {
      title,
      contentHash: randomUUID(),
      cognitoUserId: 'instructor',
      status: 'indexed',
      published: true,
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
        keyTerms: chunk.keyTerms,
        pageStart: ordinal + 1,
        pageEnd: ordinal + 1,
      },
    });
    chunkIds.push(row.id);
  }
  return { documentId: document.id, chunkIds };
}

/** A path and one concept ticket per entry, each drawn from its chunk, written straight to the tables. */
export async function insertPath({
  db,
  ownerId,
  kind = 'shared',
  status,
  concepts,
}: {
  db: Database;
  ownerId: string;
  kind?: 'shared' | 'personal';
  status: 'draft' | 'published';
  concepts: { concept: string; chunkId: string | null }[];
}): Promise<{ pathId: string; ticketIds: number[] }> {
  const path = await db.path.create({
    data: { cognitoUserId: ownerId, kind, title: `Path ${randomUUID()}`, status },
  });
  const ticketIds: number[] = [];
  for (const [order, { concept, chunkId }] of concepts.entries()) {
    const ticket = await db.ticket.create({
      data: { type: 'concept', summary: concept, status: 'new', reporter: ownerId },
    });
    await db.conceptMetadata.create({
      data: { ticketId: ticket.id, pathId: path.id, chunkId, concept, sequenceOrder: order },
    });
    ticketIds.push(ticket.id);
  }
  return { pathId: path.id, ticketIds };
}
