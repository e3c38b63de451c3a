import { InvalidInputError, TicketNotFoundError } from '@learntrac/db/errors';
import { toTracTime } from '@learntrac/db/time';
import { z } from 'zod';
import { type Database, sql } from '@/core/db';
import { permissionError } from '@/core/errors/app-error';
import type { Viewer } from '@/core/feature';
import { MAX_COMMENT, parseTicketInput } from './ticket-form';
import { hasTicketPermission } from './ticket-permissions';

export const EditTicketCommentInput = z.object({
  ticketId: z.number().int().positive(),
  commentNumber: z.number().int().positive(),
  text: z.string().max(MAX_COMMENT, {
    message: `The comment may have at most ${MAX_COMMENT.toLocaleString('en')} characters.`,
  }),
  now: z.date().optional(),
});
export type EditTicketCommentInput = z.input<typeof EditTicketCommentInput>;

/** The comment's number is the last part of its oldvalue ("3", or "1.3" for a reply to 1). */
const numberOf = (oldvalue: string | null) => Number((oldvalue ?? '').split('.').at(-1));

/**
 * Replaces a comment's text and keeps the old one, as Trac does: a `_comment<N>` row at the
 * comment's own time holds the previous text (oldvalue) and when it was replaced (newvalue),
 * N counting the edits from 0. TICKET_EDIT_COMMENT, or the comment's author with TICKET_APPEND.
 */
export async function editTicketComment(
  options: { db: Database; actor: Viewer } & EditTicketCommentInput,
): Promise<void> {
  const { db, actor, ...rest } = options;
  const input = parseTicketInput(EditTicketCommentInput, rest);
  await db.transaction(async (tx) => {
    const ticket = await tx.query<{ id: number }>(sql`
      SELECT id FROM ticket WHERE id = ${input.ticketId} FOR UPDATE`);
    if (!ticket[0]) throw new TicketNotFoundError(input.ticketId);
    const comments = await tx.prisma.ticketChange.findMany({
      where: { ticketId: input.ticketId, field: 'comment' },
    });
    const comment = comments.find((row) => numberOf(row.oldvalue) === input.commentNumber);
    if (!comment)
      throw new InvalidInputError(
        `ticket #${input.ticketId} has no comment ${input.commentNumber}`,
      );
    const ownComment = actor.name !== null && comment.author === actor.name;
    if (
      !hasTicketPermission(actor, 'TICKET_EDIT_COMMENT') &&
      !(ownComment && hasTicketPermission(actor, 'TICKET_APPEND'))
    ) {
      throw permissionError(
        'TICKET_EDIT_COMMENT',
        'Only the comment’s author or someone with TICKET_EDIT_COMMENT may edit it.',
      );
    }
    if ((comment.newvalue ?? '') === input.text) return;

    const edits = await tx.prisma.ticketChange.findMany({
      where: { ticketId: input.ticketId, time: comment.time, field: { startsWith: '_comment' } },
      select: { field: true },
    });
    const revision =
      Math.max(-1, ...edits.map((row) => Number(row.field.slice('_comment'.length)))) + 1;
    const now = toTracTime(input.now ?? new Date());
    await tx.prisma.ticketChange.create({
      data: {
        ticketId: input.ticketId,
        time: comment.time,
        author: actor.name ?? 'anonymous',
        field: `_comment${revision}`,
        oldvalue: comment.newvalue ?? '',
        newvalue: String(now),
      },
    });
    await tx.prisma.ticketChange.update({
      where: {
        ticketId_time_field: { ticketId: input.ticketId, time: comment.time, field: 'comment' },
      },
      data: { newvalue: input.text },
    });
    await tx.execute(sql`
      UPDATE ticket SET changetime = GREATEST(coalesce(changetime, 0) + 1, ${now}) WHERE id = ${input.ticketId}`);
  });
}
