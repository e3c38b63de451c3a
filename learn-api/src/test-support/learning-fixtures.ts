import { randomUUID } from 'node:crypto';
import type { Database } from '../adapters/database/database.js';

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
