import { z } from 'zod';
import type { DbOrTransaction } from '../client/db.js';
import { inTransaction } from '../client/transaction.js';
import { PrerequisiteCycleError, parseInput, TicketNotFoundError } from '../errors.js';

export const PrerequisiteInput = z.object({
  /** The ticket that needs the prerequisite first. */
  ticketId: z.number().int().positive(),
  prerequisiteId: z.number().int().positive(),
});
export type PrerequisiteInput = z.input<typeof PrerequisiteInput>;

/**
 * Records that `ticketId` needs `prerequisiteId` first. Refuses an edge that would close a
 * cycle (the database trigger refuses it too). Adding an existing edge changes nothing.
 * Returns whether a new edge was written.
 */
export async function addPrerequisite(
  options: { db: DbOrTransaction } & PrerequisiteInput,
): Promise<boolean> {
  const { db, ...rest } = options;
  const { ticketId, prerequisiteId } = parseInput(PrerequisiteInput, rest, 'prerequisite');
  if (ticketId === prerequisiteId) throw new PrerequisiteCycleError(ticketId, prerequisiteId);
  return inTransaction(db, async (tx) => {
    // Same lock as the trigger: concurrent writers cannot each miss the other's edge.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('learning.prerequisites'))`;
    const found = await tx.ticket.findMany({
      where: { id: { in: [ticketId, prerequisiteId] } },
      select: { id: true },
    });
    for (const id of [ticketId, prerequisiteId]) {
      if (!found.some((t) => t.id === id)) throw new TicketNotFoundError(id);
    }
    // The edge closes a cycle when ticketId is already reachable from prerequisiteId.
    const cycle = await tx.$queryRaw<{ found: number }[]>`
      WITH RECURSIVE reachable(id) AS (
        SELECT ${prerequisiteId}::int
        UNION
        SELECT p.prerequisite_id FROM "learning"."prerequisites" p
        JOIN reachable r ON p.ticket_id = r.id
      )
      SELECT 1 AS found FROM reachable WHERE id = ${ticketId}::int LIMIT 1`;
    if (cycle.length > 0) throw new PrerequisiteCycleError(ticketId, prerequisiteId);
    const inserted = await tx.$executeRaw`
      INSERT INTO "learning"."prerequisites" (ticket_id, prerequisite_id)
      VALUES (${ticketId}, ${prerequisiteId}) ON CONFLICT DO NOTHING`;
    return inserted > 0;
  });
}
