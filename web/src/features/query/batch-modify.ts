import { InvalidInputError } from '@learntrac/db/errors';
import { changeTicket } from '@learntrac/db/tickets';
import { z } from 'zod';
import { type Database, sql } from '@/core/db';
import { AppError, isAppError } from '@/core/errors/app-error';
import type { Viewer } from '@/core/feature';
import { loadCustomFields } from '@/features/ticket/custom-fields';
import {
  FIELD_LABELS,
  fieldErrorsOf,
  MAX_COMMENT,
  validateTicketFields,
} from '@/features/ticket/ticket-form';
import { loadTicketOptions } from '@/features/ticket/ticket-options';
import { hasTicketPermission } from '@/features/ticket/ticket-permissions';
import {
  applyWorkflowAction,
  listAvailableActions,
  loadWorkflow,
} from '@/features/ticket/workflow';

/** Fields Trac's batch modify may set on many tickets at once (not summary or description). */
export const BATCH_FIELDS = [
  'type',
  'priority',
  'severity',
  'component',
  'milestone',
  'version',
  'keywords',
  'cc',
] as const;

export const BatchModifyInput = z.object({
  ticketIds: z
    .array(z.number().int().positive())
    .max(1000, { message: 'A batch may change at most 1000 tickets.' }),
  /** Field values to set on every selected ticket (built-in batch fields and custom fields). */
  values: z
    .record(
      z.string(),
      z.string().max(10_000, { message: 'A batch value may have at most 10,000 characters.' }),
    )
    .default({}),
  comment: z
    .string()
    .max(MAX_COMMENT, {
      message: `The comment may have at most ${MAX_COMMENT.toLocaleString('en')} characters.`,
    })
    .default(''),
  action: z.string().max(100).default('leave'),
  actionOwner: z.string().max(255).optional(),
  actionResolution: z.string().max(255).optional(),
  now: z.date().optional(),
});
export type BatchModifyInput = z.input<typeof BatchModifyInput>;

/**
 * Trac's batch modify: sets fields, adds a comment and applies a workflow action on each selected
 * ticket, in one transaction, each ticket's change written through `changeTicket` so its
 * history is complete. If the action is not available on some ticket (its status, or the
 * actor's permissions) the whole batch is refused, naming those tickets.
 */
export async function batchModifyTickets(
  options: { db: Database; actor: Viewer } & BatchModifyInput,
): Promise<{ changed: number[] }> {
  const { db, actor, ...rest } = options;
  const parsed = BatchModifyInput.safeParse(rest);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    throw new AppError('INVALID_INPUT', Object.values(fieldErrors).join(' '), {
      fieldErrors: fieldErrors,
    });
  }
  const input = parsed.data;
  if (!hasTicketPermission(actor, 'TICKET_BATCH_MODIFY')) {
    throw new AppError('FORBIDDEN', 'TICKET_BATCH_MODIFY is needed to change tickets in bulk.');
  }
  const ticketIds = [...new Set(input.ticketIds)];
  if (ticketIds.length === 0) throw new AppError('INVALID_INPUT', 'Select the tickets to change.');

  const [ticketOptions, customFields, workflow] = await Promise.all([
    loadTicketOptions({ db }),
    loadCustomFields({ db }),
    loadWorkflow({ db }),
  ]);
  const settable = new Set<string>([...BATCH_FIELDS, ...customFields.map((field) => field.name)]);
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.values)) {
    if (!settable.has(name)) {
      throw new AppError('INVALID_INPUT', `${name} cannot be set in a batch.`, {
        fieldErrors: {
          [name]: `${FIELD_LABELS[name] ?? name} cannot be set in a batch.`,
        },
      });
    }
    values[name] = value;
  }
  const { fields, custom, errors } = validateTicketFields({ values, ticketOptions, customFields });
  if (Object.keys(errors).length > 0) {
    throw new AppError('INVALID_INPUT', 'Some values are not valid.', { fieldErrors: errors });
  }
  const author = actor.name ?? 'anonymous';
  const now = input.now ?? new Date();
  const can = (permission: string) => hasTicketPermission(actor, permission);

  return db.transaction(
    async (tx) => {
      const tickets = await tx.query<{
        id: number;
        status: string | null;
        owner: string | null;
        resolution: string | null;
      }>(
        sql`SELECT id, status, owner, resolution FROM ticket WHERE id = ANY(${ticketIds}) ORDER BY id FOR UPDATE`,
      );
      const refused: Record<number, string> = {};
      for (const id of ticketIds) {
        if (!tickets.some((ticket) => ticket.id === id)) refused[id] = 'no such ticket';
      }
      const planned: { id: number; changes: Record<string, string> }[] = [];
      for (const ticket of tickets) {
        const action = listAvailableActions({ workflow, ticket, can }).find(
          (candidate) => candidate.name === input.action,
        );
        if (!action) {
          refused[ticket.id] =
            `“${input.action}” is not available on a ${ticket.status ?? 'new'} ticket`;
          continue;
        }
        try {
          const effects = applyWorkflowAction({
            action,
            ticket,
            actor: author,
            resolutions: ticketOptions.resolutions,
            choices: { owner: input.actionOwner, resolution: input.actionResolution },
          });
          planned.push({
            id: ticket.id,
            changes: { ...fields, ...effects } as Record<string, string>,
          });
        } catch (error) {
          if (!isAppError(error, 'INVALID_INPUT')) throw error;
          throw new AppError('INVALID_INPUT', error.message, {
            fieldErrors: Object.fromEntries(
              Object.entries(error.fieldErrors).map(([field, message]) => [
                `action_${field}`,
                message,
              ]),
            ),
          });
        }
      }
      if (Object.keys(refused).length > 0) {
        const list = Object.keys(refused)
          .map((id) => `#${id}`)
          .join(', ');
        throw new AppError(
          'INVALID_INPUT',
          `Nothing was changed: the action cannot be applied to ${list}.`,
          {
            fieldErrors: {},
            problems: Object.entries(refused).map(([id, why]) => `#${id}: ${why}`),
          },
        );
      }
      const changed: number[] = [];
      for (const plan of planned) {
        // A ticket already holding every value and given no comment is left out.
        try {
          await changeTicket({
            db: tx.prisma,
            ticketId: plan.id,
            author,
            changes: plan.changes,
            custom,
            comment: input.comment,
            now,
          });
          changed.push(plan.id);
        } catch (error) {
          if (!(error instanceof InvalidInputError && /nothing to change/.test(error.message))) {
            throw error;
          }
        }
      }
      return { changed };
    },
    { timeoutMs: 60_000 },
  );
}
