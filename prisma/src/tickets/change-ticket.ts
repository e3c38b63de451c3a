import { z } from 'zod';
import type { Prisma } from '../../generated/client/client.js';
import type { DbOrTransaction } from '../client/db.js';
import { inTransaction } from '../client/transaction.js';
import {
  InvalidInputError,
  MidAirCollisionError,
  parseInput,
  TicketNotFoundError,
} from '../errors.js';
import { toTracTime } from '../time.js';
import {
  CustomFieldsSchema,
  TICKET_FIELDS,
  type TicketField,
  TicketFieldsSchema,
} from './ticket-fields.js';

export const ChangeTicketInput = z.object({
  ticketId: z.number().int().positive(),
  author: z.string().min(1).max(255),
  changes: TicketFieldsSchema.default({}),
  custom: CustomFieldsSchema,
  comment: z.string().max(100_000).default(''),
  /** The comment this one replies to (Trac's replyto); stored as "N.M" in oldvalue. */
  replyTo: z.number().int().positive().optional(),
  /** The ticket's changetime when the editor loaded it; a different one is a collision. */
  expectedChangetime: z.bigint().optional(),
  now: z.date().optional(),
});
export type ChangeTicketInput = z.input<typeof ChangeTicketInput>;

export type TicketChangeRow = {
  field: string;
  oldvalue: string | null;
  newvalue: string | null;
};
export type ChangeTicketResult = {
  ticketId: number;
  /** The shared time of every row written (microseconds); the ticket's new changetime. */
  time: bigint;
  commentNumber: number;
  rows: TicketChangeRow[];
};

/** A ticket as it stands inside a transaction that holds its row lock. */
export type LockedTicket = {
  id: number;
  fields: Record<TicketField, string | null>;
  /** Custom field values by name. */
  custom: Record<string, string | null>;
  changetime: bigint | null;
};

type TicketRow = Record<TicketField, string | null> & { id: number; changetime: bigint | null };

/**
 * Locks a ticket's row for the rest of the transaction (concurrent changes queue up, and the
 * collision check holds) and reads it with its custom fields. TicketNotFoundError if missing.
 */
export async function lockTicket(options: {
  db: Prisma.TransactionClient;
  ticketId: number;
}): Promise<LockedTicket> {
  const { db, ticketId } = options;
  const [row] = await db.$queryRaw<TicketRow[]>`
    SELECT * FROM "ticket" WHERE id = ${ticketId} FOR UPDATE`;
  if (!row) throw new TicketNotFoundError(ticketId);
  const custom = await db.ticketCustom.findMany({ where: { ticketId } });
  const { id, changetime, ...fields } = row;
  return {
    id,
    fields,
    custom: Object.fromEntries(custom.map((c) => [c.name, c.value])),
    changetime: changetime ?? null,
  };
}

/**
 * Changes a ticket the way Trac records it, in one transaction: one ticket_change row per
 * changed field (custom fields too) plus a `comment` row, all sharing one time; the comment
 * row's oldvalue is the comment's number on this ticket. `changetime` becomes that time.
 * A caller that already holds the ticket from `lockTicket` in the same transaction passes it
 * as `locked`, so the ticket is read once.
 */
export async function changeTicket(
  options: { db: DbOrTransaction; locked?: LockedTicket } & ChangeTicketInput,
): Promise<ChangeTicketResult> {
  const { db, locked, ...rest } = options;
  const input = parseInput(ChangeTicketInput, rest, 'ticket change');
  return inTransaction(db, async (tx) => {
    const ticket =
      locked?.id === input.ticketId
        ? locked
        : await lockTicket({ db: tx, ticketId: input.ticketId });
    if (
      input.expectedChangetime !== undefined &&
      input.expectedChangetime !== (ticket.changetime ?? null)
    ) {
      throw new MidAirCollisionError(input.ticketId, input.expectedChangetime, ticket.changetime);
    }

    const rows: TicketChangeRow[] = [];
    const fieldUpdates: Prisma.TicketUpdateInput = {};
    for (const field of TICKET_FIELDS) {
      const next = input.changes[field];
      if (next === undefined || next === (ticket.fields[field] ?? '')) continue;
      rows.push({ field, oldvalue: ticket.fields[field] ?? '', newvalue: next });
      fieldUpdates[field] = next;
    }

    const existingCustom = new Map(
      Object.entries(ticket.custom).map(([name, value]) => [name, value ?? '']),
    );
    const customChanges = Object.entries(input.custom).filter(
      ([name, value]) => value !== (existingCustom.get(name) ?? ''),
    );
    for (const [name, value] of customChanges) {
      rows.push({ field: name, oldvalue: existingCustom.get(name) ?? '', newvalue: value });
    }

    if (rows.length === 0 && input.comment.trim() === '') {
      throw new InvalidInputError('nothing to change: no field differs and no comment was given');
    }

    // Trac's times must be unique per ticket and increasing; two edits in the same
    // millisecond still get distinct times.
    let time = toTracTime(input.now ?? new Date());
    if (ticket.changetime !== null && time <= ticket.changetime) time = ticket.changetime + 1n;

    const commentNumber =
      (await tx.ticketChange.count({ where: { ticketId: input.ticketId, field: 'comment' } })) + 1;
    rows.push({
      field: 'comment',
      oldvalue: input.replyTo ? `${input.replyTo}.${commentNumber}` : String(commentNumber),
      newvalue: input.comment,
    });

    await tx.ticket.update({
      where: { id: input.ticketId },
      data: { ...fieldUpdates, changetime: time },
    });
    for (const [name, value] of customChanges) {
      await tx.ticketCustom.upsert({
        where: { ticketId_name: { ticketId: input.ticketId, name } },
        create: { ticketId: input.ticketId, name, value },
        update: { value },
      });
    }
    await tx.ticketChange.createMany({
      data: rows.map((row) => ({ ...row, ticketId: input.ticketId, time, author: input.author })),
    });
    return { ticketId: input.ticketId, time, commentNumber, rows };
  });
}
