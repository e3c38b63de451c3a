import type { Workflow, WorkflowAction } from './workflow-config';

export interface WorkflowTicket {
  /** `null` for a ticket being created (Trac's `<none>` state). */
  status: string | null;
  owner: string | null;
  resolution: string | null;
}

/** Whether the viewer holds a permission (with whatever implications the caller applies). */
export type PermissionCheck = (permission: string) => boolean;

/**
 * The actions the viewer may take on a ticket in its current status, most preferred first.
 * An action with no permissions is open to everyone; otherwise any one listed permission will do.
 */
export function listAvailableActions(options: {
  workflow: Workflow;
  ticket: WorkflowTicket;
  can: PermissionCheck;
}): WorkflowAction[] {
  const { workflow, ticket, can } = options;
  const state = ticket.status ?? '<none>';
  return workflow
    .filter((action) => {
      const fromHere =
        action.oldStates.includes(state) || (state !== '<none>' && action.oldStates.includes('*'));
      return fromHere && (action.permissions.length === 0 || action.permissions.some(can));
    })
    .map((action, index) => ({ action, index }))
    .sort((a, b) => b.action.default - a.action.default || a.index - b.index)
    .map(({ action }) => action);
}
