import { changeTicket, lockTicket } from '@learntrac/db/tickets';
import { z } from 'zod';
import type { Database } from '@/core/db';
import { formError, isAppError, permissionError } from '@/core/errors/app-error';
import type { Viewer } from '@/core/feature';
import {
  applyWorkflowAction,
  listAvailableActions,
  loadWorkflow,
} from '@/features/ticket/workflow';
import { customFieldDefault, loadCustomFields, normalizeCustomValue } from './custom-fields';
import { changesOnlyOwnCc, toggleCc } from './ticket-cc';
import {
  FIELD_LABELS,
  type FieldErrors,
  MAX_COMMENT,
  parseTicketInput,
  validateTicketFields,
} from './ticket-form';
import { loadTicketOptions } from './ticket-options';
import {
  assertTicketPermission,
  hasTicketPermission,
  mayChangeField,
  mayToggleOwnCc,
} from './ticket-permissions';

export const ModifyTicketInput = z.object({
  ticketId: z.number().int().positive(),
  /** Property values as the form sent them; unchanged ones are ignored. */
  values: z
    .record(
      z.string(),
      z.string().max(200_000, { message: 'This field may have at most 200,000 characters.' }),
    )
    .default({}),
  comment: z
    .string()
    .max(MAX_COMMENT, {
      message: `The comment may have at most ${MAX_COMMENT.toLocaleString('en')} characters.`,
    })
    .default(''),
  replyTo: z
    .number({ message: 'The comment replied to is not a comment number.' })
    .int({ message: 'The comment replied to is not a comment number.' })
    .positive({ message: 'The comment replied to is not a comment number.' })
    .optional(),
  /** The workflow action chosen in the Action box (`leave` changes no status). */
  action: z.string().max(100).default('leave'),
  actionOwner: z.string().max(255).optional(),
  actionResolution: z.string().max(255).optional(),
  /** Trac's "Add to Cc" / "Remove from Cc" box: toggles the actor's own name in Cc. */
  ccUpdate: z.boolean().default(false),
  /** The ticket's changetime when the form was loaded (microseconds), for collision checks. */
  expectedChangetime: z.bigint().optional(),
  now: z.date().optional(),
});
export type ModifyTicketInput = z.input<typeof ModifyTicketInput>;

/**
 * Saves the Modify Ticket form: a comment (TICKET_APPEND), property changes (TICKET_CHGPROP
 * and Trac's per-field rules) and a workflow action (its own permissions), written together
 * as one change. A ticket changed since `expectedChangetime` raises MidAirCollisionError.
 */
export async function modifyTicket(
  options: { db: Database; actor: Viewer } & ModifyTicketInput,
): Promise<{ time: bigint; commentNumber: number }> {
  const { db, actor, ...rest } = options;
  const input = parseTicketInput(ModifyTicketInput, rest);
  assertTicketPermission(actor, 'TICKET_VIEW', 'see tickets');
  const [ticketOptions, customFields, workflow] = await Promise.all([
    loadTicketOptions({ db }),
    loadCustomFields({ db }),
    loadWorkflow({ db }),
  ]);
  // The ticket is read once, locked, so what the checks below see is what the change replaces.
  return db.transaction(async (tx) => {
    const locked = await lockTicket({ db: tx.prisma, ticketId: input.ticketId });
    const ticket = locked.fields;
    // A custom field the ticket has no value for holds its default, as the form shows it.
    const current: Record<string, string | null> = {
      ...Object.fromEntries(customFields.map((field) => [field.name, customFieldDefault(field)])),
      ...locked.custom,
      ...ticket,
    };

    const values = { ...input.values };
    if (input.ccUpdate) {
      if (actor.name === null) {
        throw permissionError('TICKET_APPEND', 'Sign in to add yourself to Cc.');
      }
      values.cc = toggleCc(ticket.cc, actor.name);
    }
    // Only what differs counts as a change; a stale form repeating old values changes nothing.
    const changed: Record<string, string> = {};
    const definitions = new Map(customFields.map((field) => [field.name, field]));
    for (const [name, value] of Object.entries(values)) {
      const definition = definitions.get(name);
      const custom = definition ? normalizeCustomValue(definition, value) : null;
      const normalized =
        custom && 'value' in custom
          ? custom.value
          : name === 'description'
            ? value.replace(/\r\n/g, '\n')
            : value.trim();
      if (normalized !== (current[name] ?? '')) changed[name] = value;
    }
    for (const [name, value] of Object.entries(changed)) {
      const ownCc =
        name === 'cc' && mayToggleOwnCc(actor) && changesOnlyOwnCc(ticket.cc, value, actor.name!);
      if (!ownCc && !mayChangeField({ actor, field: name, reporter: ticket.reporter })) {
        const label = FIELD_LABELS[name] ?? name;
        throw permissionError(
          name === 'description' ? 'TICKET_EDIT_DESCRIPTION' : 'TICKET_CHGPROP',
          `You may not change ${label} of this ticket.`,
        );
      }
    }
    if (input.comment.trim() !== '')
      assertTicketPermission(actor, 'TICKET_APPEND', 'comment on tickets');

    const { fields, custom, errors } = validateTicketFields({
      values: changed,
      ticketOptions,
      customFields,
      current,
    });
    const allErrors: FieldErrors = { ...errors };
    const state = { status: ticket.status, owner: ticket.owner, resolution: ticket.resolution };
    const action = listAvailableActions({
      workflow,
      ticket: state,
      can: (permission) => hasTicketPermission(actor, permission),
    }).find((candidate) => candidate.name === input.action);
    if (!action) {
      allErrors.action = `“${input.action}” is not an action you can take on this ticket now.`;
    } else {
      try {
        Object.assign(
          fields,
          applyWorkflowAction({
            action,
            ticket: state,
            actor: actor.name ?? 'anonymous',
            resolutions: ticketOptions.resolutions,
            choices: { owner: input.actionOwner, resolution: input.actionResolution },
          }),
        );
      } catch (error) {
        if (!isAppError(error, 'INVALID_INPUT')) throw error;
        for (const [field, message] of Object.entries(error.fieldErrors)) {
          allErrors[`action_${field}`] = message;
        }
      }
    }
    if (
      Object.keys(allErrors).length === 0 &&
      Object.keys(fields).length === 0 &&
      Object.keys(custom).length === 0 &&
      input.comment.trim() === ''
    ) {
      allErrors.comment =
        'Nothing to save: write a comment, change a property or choose an action.';
    }
    if (Object.keys(allErrors).length > 0) throw formError(allErrors);

    const result = await changeTicket({
      db: tx.prisma,
      locked,
      ticketId: input.ticketId,
      author: actor.name ?? 'anonymous',
      changes: fields,
      custom,
      comment: input.comment,
      replyTo: input.replyTo,
      expectedChangetime: input.expectedChangetime,
      now: input.now,
    });
    return { time: result.time, commentNumber: result.commentNumber };
  });
}
