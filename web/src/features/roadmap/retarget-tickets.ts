import type { Prisma } from '@learntrac/db';
import { changeTicket } from '@learntrac/db/tickets';

/**
 * Moves tickets from one milestone to another (`''` for none) through the shared ticket verb,
 * so each ticket's history records the move with `comment`, as Trac records it.
 * Runs inside the caller's transaction. Returns how many tickets moved.
 */
export async function retargetTickets(options: {
  tx: Prisma.TransactionClient;
  from: string;
  to: string;
  author: string;
  comment: string;
  onlyOpen: boolean;
  now: Date;
}): Promise<number> {
  const { tx, from, to, author, comment, onlyOpen, now } = options;
  const tickets = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM ticket
    WHERE milestone = ${from} AND (NOT ${onlyOpen} OR status IS DISTINCT FROM 'closed')
    ORDER BY id`;
  for (const ticket of tickets) {
    await changeTicket({
      db: tx,
      ticketId: ticket.id,
      author,
      changes: { milestone: to },
      comment,
      now,
    });
  }
  return tickets.length;
}
