import { createTicket } from '@learntrac/db/tickets';
import { z } from 'zod';
import type { Database } from '@/core/db';
import { formError, isAppError } from '@/core/errors/app-error';
import type { Viewer } from '@/core/feature';
import { loadTicketDefaults } from '@/features/ticket/admin/ticket-defaults';
import {
  applyWorkflowAction,
  listAvailableActions,
  loadWorkflow,
} from '@/features/ticket/workflow';
import { customFieldDefault, loadCustomFields } from './custom-fields';
import { newTicketDefaults } from './new-ticket-defaults';
import { type FieldErrors, parseTicketInput, validateTicketFields } from './ticket-form';
import { loadTicketOptions } from './ticket-options';
import { assertTicketPermission, hasTicketPermission } from './ticket-permissions';

export const CreateNewTicketInput = z.object({
  /** Field values by name (built-in and custom), as typed. */
  values: z.record(
    z.string(),
    z.string().max(200_000, { message: 'This field may have at most 200,000 characters.' }),
  ),
  /** The workflow's creation action (`create`, `create_and_assign`). */
  action: z.string().max(100).default('create'),
  now: z.date().optional(),
});
export type CreateNewTicketInput = z.input<typeof CreateNewTicketInput>;

/**
 * Files a new ticket from the /newticket form: checks TICKET_CREATE, every field against the
 * site's options and custom field definitions, and the chosen creation action of the
 * workflow; then writes it with its custom fields in one transaction. Returns the new id.
 */
export async function createNewTicket(
  options: { db: Database; actor: Viewer } & CreateNewTicketInput,
): Promise<{ id: number }> {
  const { db, actor, ...rest } = options;
  const input = parseTicketInput(CreateNewTicketInput, rest);
  assertTicketPermission(actor, 'TICKET_CREATE', 'create tickets');

  const [ticketOptions, customFields, workflow, defaults] = await Promise.all([
    loadTicketOptions({ db }),
    loadCustomFields({ db }),
    loadWorkflow({ db }),
    loadTicketDefaults({ db }),
  ]);
  const values = { ...input.values };
  // Only a ticket admin may file a ticket in someone else's name.
  if (!hasTicketPermission(actor, 'TICKET_ADMIN') || !values.reporter?.trim()) {
    values.reporter = actor.name ?? 'anonymous';
  }
  // Fields the form did not send take the site's defaults, custom ones from their definitions.
  for (const field of customFields) values[field.name] ??= customFieldDefault(field);
  for (const [name, value] of Object.entries(newTicketDefaults({ ticketOptions, defaults }))) {
    if (value) values[name] ??= value;
  }
  values.summary ??= '';

  const { fields, custom, errors } = validateTicketFields({ values, ticketOptions, customFields });
  const allErrors: FieldErrors = { ...errors };
  if (!fields.owner && fields.component) {
    fields.owner = ticketOptions.componentOwners[fields.component] ?? '';
  }
  const creating = { status: null, owner: fields.owner ?? null, resolution: null };
  const action = listAvailableActions({
    workflow,
    ticket: creating,
    can: (permission) => hasTicketPermission(actor, permission),
  }).find((candidate) => candidate.name === input.action);
  let status = 'new';
  if (!action) {
    allErrors.action = `“${input.action}” is not an action you can take on a new ticket.`;
  } else {
    try {
      const effects = applyWorkflowAction({
        action,
        ticket: creating,
        actor: actor.name ?? 'anonymous',
        resolutions: ticketOptions.resolutions,
        choices: { owner: fields.owner },
      });
      status = effects.status ?? action.newState;
      if (effects.owner !== undefined) fields.owner = effects.owner;
    } catch (error) {
      if (!isAppError(error, 'INVALID_INPUT')) throw error;
      Object.assign(allErrors, error.fieldErrors);
    }
  }
  if (Object.keys(allErrors).length > 0) throw formError(allErrors);

  const ticket = await db.transaction((tx) =>
    createTicket({
      db: tx.prisma,
      author: actor.name ?? 'anonymous',
      fields: { ...fields, status, summary: fields.summary ?? '' },
      custom,
      now: input.now,
    }),
  );
  return { id: ticket.id };
}
