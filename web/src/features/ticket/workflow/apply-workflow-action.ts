import { AppError } from '@/core/errors/app-error';
import type { WorkflowTicket } from './list-available-actions';
import type { WorkflowAction } from './workflow-config';

/** What the person chose alongside the action (the owner box, the resolution list). */
export interface WorkflowChoices {
  owner?: string;
  resolution?: string;
}

export interface WorkflowFieldChanges {
  status?: string;
  owner?: string;
  resolution?: string;
}

/** A choice the action needs is missing or not allowed: a message for the `owner` or `resolution` field. */
function choiceError(field: 'owner' | 'resolution', message: string): AppError {
  return new AppError('INVALID_INPUT', message, { fieldErrors: { [field]: message } });
}

/**
 * The field changes an action makes, from its operations (Trac's set_owner, set_resolution,
 * del_resolution and the rest). Only fields that end up different are returned.
 */
export function applyWorkflowAction(options: {
  action: WorkflowAction;
  ticket: WorkflowTicket;
  /** The acting user's name, for set_owner_to_self. */
  actor: string;
  /** Resolutions configured for the site (the `resolution` enum). */
  resolutions: readonly string[];
  choices: WorkflowChoices;
}): WorkflowFieldChanges {
  const { action, ticket, actor, resolutions, choices } = options;
  const next: WorkflowFieldChanges = {};
  if (action.newState !== '*') next.status = action.newState;

  for (const operation of action.operations) {
    switch (operation) {
      case 'leave_status':
        delete next.status;
        break;
      case 'reset_workflow':
        next.status = 'new';
        break;
      case 'set_owner_to_self':
        next.owner = actor;
        break;
      case 'del_owner':
        next.owner = '';
        break;
      case 'set_owner':
      case 'may_set_owner': {
        const owner = choices.owner?.trim() ?? '';
        if (owner === '') {
          if (operation === 'set_owner') {
            throw choiceError('owner', `Choose the new owner to ${actionLabel(action)}.`);
          }
          break;
        }
        if (action.setOwner?.length && !action.setOwner.includes(owner)) {
          throw choiceError('owner', `The owner must be one of ${action.setOwner.join(', ')}.`);
        }
        if (/[\s,]/.test(owner)) {
          throw choiceError('owner', 'The owner is a single user name.');
        }
        next.owner = owner;
        break;
      }
      case 'set_resolution': {
        const allowed = action.setResolution?.length ? action.setResolution : resolutions;
        const resolution = choices.resolution ?? '';
        if (!allowed.includes(resolution)) {
          throw choiceError(
            'resolution',
            resolution === ''
              ? `Choose a resolution to ${actionLabel(action)}.`
              : `“${resolution}” is not a resolution; choose one of ${allowed.join(', ')}.`,
          );
        }
        next.resolution = resolution;
        break;
      }
      case 'del_resolution':
        next.resolution = '';
        break;
    }
  }

  const current: Record<keyof WorkflowFieldChanges, string> = {
    status: ticket.status ?? '',
    owner: ticket.owner ?? '',
    resolution: ticket.resolution ?? '',
  };
  for (const field of Object.keys(next) as (keyof WorkflowFieldChanges)[]) {
    if (next[field] === current[field]) delete next[field];
  }
  return next;
}

export function actionLabel(action: WorkflowAction): string {
  return action.label ?? action.name;
}

/** Plain-words effects of an action, shown beside its radio button as Trac does. */
export function describeWorkflowAction(options: {
  action: WorkflowAction;
  ticket: WorkflowTicket;
  actor: string;
}): string[] {
  const { action, ticket, actor } = options;
  const hints: string[] = [];
  const leaves = action.newState === '*' || action.operations.includes('leave_status');
  if (leaves) {
    hints.push(`as ${ticket.status ?? 'new'}`);
    if (ticket.owner) hints.push(`The owner will remain ${ticket.owner}.`);
  } else if (action.operations.includes('reset_workflow')) {
    hints.push('The ticket status will be reset to new.');
  } else if (action.newState !== ticket.status) {
    hints.push(
      `The ticket will be ${action.newState === 'closed' ? 'closed' : `set to ${action.newState}`}.`,
    );
  }
  for (const operation of action.operations) {
    if (operation === 'set_owner_to_self' && ticket.owner !== actor) {
      hints.push(`The owner will be changed from ${ticket.owner || '(none)'} to ${actor}.`);
    }
    if (operation === 'set_owner') hints.push('The owner will be changed to the name given.');
    if (operation === 'may_set_owner') hints.push('The owner may be set to the name given.');
    if (operation === 'del_owner' && ticket.owner) hints.push('The owner will be removed.');
    if (operation === 'set_resolution') hints.push('The resolution will be set.');
    if (operation === 'del_resolution' && ticket.resolution) {
      hints.push('The resolution will be deleted.');
    }
  }
  return hints;
}
