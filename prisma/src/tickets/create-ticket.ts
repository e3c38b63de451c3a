import { z } from 'zod';
import type { Ticket } from '../../generated/client/client.js';
import type { DbOrTransaction } from '../client/db.js';
import { inTransaction } from '../client/transaction.js';
import { parseInput } from '../errors.js';
import { toTracTime } from '../time.js';
import { CustomFieldsSchema, TicketFieldsSchema } from './ticket-fields.js';

export const CreateTicketInput = z.object({
  author: z.string().min(1).max(255),
  fields: TicketFieldsSchema.extend({ summary: z.string().trim().min(1).max(255) }),
  custom: CustomFieldsSchema,
  now: z.date().optional(),
});
export type CreateTicketInput = z.input<typeof CreateTicketInput>;

export type CreatedTicket = Ticket & { custom: Record<string, string> };

/**
 * Creates a ticket and its custom fields in one transaction, as Trac does: `time` and
 * `changetime` are the creation time, the reporter defaults to the author, the status to
 * `new`; creation itself writes no ticket_change rows.
 */
export async function createTicket(
  options: { db: DbOrTransaction } & CreateTicketInput,
): Promise<CreatedTicket> {
  const { db, ...rest } = options;
  const input = parseInput(CreateTicketInput, rest, 'ticket');
  const time = toTracTime(input.now ?? new Date());
  const custom = input.custom;
  return inTransaction(db, async (tx) => {
    const ticket = await tx.ticket.create({
      data: {
        type: 'defect',
        status: 'new',
        ...input.fields,
        reporter: input.fields.reporter ?? input.author,
        time,
        changetime: time,
      },
    });
    const rows = Object.entries(custom).map(([name, value]) => ({
      ticketId: ticket.id,
      name,
      value,
    }));
    if (rows.length > 0) await tx.ticketCustom.createMany({ data: rows });
    return { ...ticket, custom };
  });
}
