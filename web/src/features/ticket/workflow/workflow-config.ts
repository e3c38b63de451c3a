import { z } from 'zod';

/** The `system` row holding the ticket workflow as JSON (written by the site seed). */
export { TICKET_WORKFLOW_KEY } from '@learntrac/db/workflow';

/** Trac's workflow operations this app knows how to apply. */
export const WORKFLOW_OPERATIONS = [
  'leave_status',
  'set_owner',
  'set_owner_to_self',
  'may_set_owner',
  'del_owner',
  'set_resolution',
  'del_resolution',
  'reset_workflow',
] as const;
export type WorkflowOperation = (typeof WORKFLOW_OPERATIONS)[number];

/**
 * One action in the shape of Trac's `[ticket-workflow]` section: `oldStates` may hold `*`
 * (any state) or `<none>` (a ticket being created); `newState` `*` keeps the status.
 */
export const WorkflowActionSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/i, 'action names are letters, digits and _'),
  label: z.string().min(1).optional(),
  oldStates: z.array(z.string().min(1)).min(1),
  newState: z.string().min(1),
  operations: z.array(z.enum(WORKFLOW_OPERATIONS)).default([]),
  /** Any one of these permits the action; empty means everyone may take it. */
  permissions: z.array(z.string().min(1)).default([]),
  /** Higher comes first and is preselected (Trac's `.default`). */
  default: z.number().int().default(0),
  /** Choices for set_owner (Trac's `.set_owner`); empty means any user name. */
  setOwner: z.array(z.string().min(1)).optional(),
  /** Choices for set_resolution (Trac's `.set_resolution`); absent means every resolution. */
  setResolution: z.array(z.string().min(1)).optional(),
});
export type WorkflowAction = z.output<typeof WorkflowActionSchema>;

export const WorkflowSchema = z
  .array(WorkflowActionSchema)
  .min(1)
  .superRefine((actions, context) => {
    const seen = new Set<string>();
    for (const [index, action] of actions.entries()) {
      if (seen.has(action.name)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'name'],
          message: `action ${action.name} is defined twice`,
        });
      }
      seen.add(action.name);
    }
  });
export type Workflow = WorkflowAction[];

export class WorkflowConfigError extends Error {
  override name = 'WorkflowConfigError';
}

/** Parses the stored workflow JSON; a malformed one is an error naming what is wrong. */
export function parseWorkflow(json: string): Workflow {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new WorkflowConfigError('the ticket workflow is not valid JSON');
  }
  const result = WorkflowSchema.safeParse(data);
  if (!result.success) {
    const detail = result.error.issues
      .map((issue) => `${issue.path.join('.') || '(workflow)'}: ${issue.message}`)
      .join('; ');
    throw new WorkflowConfigError(`the ticket workflow is invalid: ${detail}`);
  }
  return result.data;
}

/** Every status the workflow can put a ticket in, in the order the actions mention them. */
export function listWorkflowStates(workflow: Workflow): string[] {
  const states = new Set<string>();
  for (const action of workflow) {
    for (const state of [...action.oldStates, action.newState]) {
      if (state !== '*' && state !== '<none>') states.add(state);
    }
  }
  return [...states];
}
