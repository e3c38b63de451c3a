import type { Db } from '@learntrac/db';
import { TicketNotFoundError } from '@learntrac/db/errors';
import { z } from 'zod';
import type { TicketActor } from './ticket-actor';
import { assertTicketPermission } from './ticket-permissions';

export const DeleteTicketInput = z.object({ ticketId: z.number().int().positive() });
export type DeleteTicketInput = z.input<typeof DeleteTicketInput>;

/**
 * Deletes a ticket with its custom fields, history and learning data (TICKET_ADMIN), as
 * Trac's ticket delete does; there is no undo.
 */
export async function deleteTicket(
  options: { db: Db; actor: TicketActor } & DeleteTicketInput,
): Promise<void> {
  const { db, actor, ...rest } = options;
  const input = DeleteTicketInput.parse(rest);
  assertTicketPermission(actor, 'TICKET_ADMIN', 'delete tickets');
  const deleted = await db.ticket.deleteMany({ where: { id: input.ticketId } });
  if (deleted.count === 0) throw new TicketNotFoundError(input.ticketId);
}
