import type { Viewer } from '@/core/feature';
import {
  actionLabel,
  describeWorkflowAction,
  listAvailableActions,
  type Workflow,
  type WorkflowTicket,
} from '@/features/ticket/workflow';
import { hasTicketPermission } from './ticket-permissions';
import type { ActionChoice } from './ui/workflow-action-choices';

/** The Action box's choices for this actor and ticket (status `null`: a ticket being created). */
export function buildActionChoices(options: {
  workflow: Workflow;
  ticket: WorkflowTicket;
  actor: Viewer;
  resolutions: readonly string[];
}): ActionChoice[] {
  const { workflow, ticket, actor, resolutions } = options;
  const actorName = actor.name ?? 'anonymous';
  return listAvailableActions({
    workflow,
    ticket,
    can: (permission) => hasTicketPermission(actor, permission),
  }).map((action) => {
    const setsOwner = action.operations.includes('set_owner');
    // On a new ticket, may_set_owner takes the Owner field instead of a box of its own.
    const mayOwn = action.operations.includes('may_set_owner') && ticket.status !== null;
    return {
      name: action.name,
      label: actionLabel(action),
      hints: describeWorkflowAction({ action, ticket, actor: actorName }),
      owner:
        setsOwner || mayOwn
          ? { options: action.setOwner, required: setsOwner, initial: ticket.owner ?? '' }
          : undefined,
      resolutions: action.operations.includes('set_resolution')
        ? action.setResolution?.length
          ? action.setResolution
          : [...resolutions]
        : undefined,
    };
  });
}
