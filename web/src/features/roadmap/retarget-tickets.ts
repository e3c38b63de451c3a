import { changeTicket } from '@learntrac/db/tickets';
import { sql, type Transaction } from '@/core/db';

/**
 * Moves tickets from one milestone to another (`''` for none) through the shared ticket verb,
 * so each ticket's history records the move with `comment`, as Trac records it.
 * Runs inside the caller's transaction. Returns how many tickets moved.
 */
export async function retargetTickets(options: {
  tx: Transaction;
  from: string;
  to: string;
  author: string;
  comment: string;
  onlyOpen: boolean;
  now: Date;
}): Promise<number> {
  const { tx, from, to, author, comment, onlyOpen, now } = options;
  const tickets = await tx.query<{ id: number }>(sql`
    SELECT id FROM ticket
    WHERE milestone = ${from} AND (NOT ${onlyOpen} OR status IS DISTINCT FROM 'closed')
    ORDER BY id`);
  for (const ticket of tickets) {
    await changeTicket({
      db: tx.prisma,
      ticketId: ticket.id,
      author,
      changes: { milestone: to },
      comment,
      now,
    });
  }
  return tickets.length;
}
