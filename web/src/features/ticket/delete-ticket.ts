import { TicketNotFoundError } from '@learntrac/db/errors';
import { z } from 'zod';
import { type Database, sql } from '@/core/db';
import type { Viewer } from '@/core/feature';
import type { AttachmentStorage } from '@/features/attachment/attachment-storage';
import { parseTicketInput } from './ticket-form';
import { assertTicketPermission } from './ticket-permissions';

export const DeleteTicketInput = z.object({ ticketId: z.number().int().positive() });
export type DeleteTicketInput = z.input<typeof DeleteTicketInput>;

/**
 * Deletes a ticket with its custom fields, history, attachments and learning data
 * (TICKET_ADMIN), as Trac's ticket delete does; there is no undo.
 */
export async function deleteTicket(
  options: { db: Database; storage: AttachmentStorage; actor: Viewer } & DeleteTicketInput,
): Promise<void> {
  const { db, storage, actor, ...rest } = options;
  const input = parseTicketInput(DeleteTicketInput, rest);
  assertTicketPermission(actor, 'TICKET_ADMIN', 'delete tickets');
  const id = String(input.ticketId);
  await db.transaction(async (tx) => {
    const deleted = await tx.prisma.ticket.deleteMany({ where: { id: input.ticketId } });
    if (deleted.count === 0) throw new TicketNotFoundError(input.ticketId);
    await tx.execute(sql`DELETE FROM attachment WHERE type = 'ticket' AND id = ${id}`);
    // Inside the transaction: if the files cannot be removed, the ticket stays.
    await storage.removeAll('ticket', id);
  });
}
