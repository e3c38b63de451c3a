// Trac's basic ticket workflow, stored as data in the `system` table under
// TICKET_WORKFLOW_KEY (JSON), so the web app reads it instead of hard-coding it.
// `*` matches any state; `<none>` is a ticket being created.
export const TICKET_WORKFLOW_KEY = 'ticket_workflow';

export type WorkflowAction = {
  name: string;
  label?: string;
  oldStates: string[];
  newState: string;
  operations: string[];
  permissions: string[];
  default?: number;
};

const open = ['new', 'assigned', 'accepted', 'reopened'];

export const BASIC_WORKFLOW: WorkflowAction[] = [
  {
    name: 'leave',
    label: 'leave',
    oldStates: ['*'],
    newState: '*',
    operations: ['leave_status'],
    permissions: [],
    default: 1,
  },
  {
    name: 'create',
    label: 'create',
    oldStates: ['<none>'],
    newState: 'new',
    operations: [],
    permissions: ['TICKET_CREATE'],
    default: 1,
  },
  {
    name: 'create_and_assign',
    label: 'assign',
    oldStates: ['<none>'],
    newState: 'assigned',
    operations: ['may_set_owner'],
    permissions: ['TICKET_MODIFY'],
  },
  {
    name: 'accept',
    label: 'accept',
    oldStates: open,
    newState: 'accepted',
    operations: ['set_owner_to_self'],
    permissions: ['TICKET_MODIFY'],
  },
  {
    name: 'reassign',
    label: 'reassign',
    oldStates: open,
    newState: 'assigned',
    operations: ['set_owner'],
    permissions: ['TICKET_MODIFY'],
  },
  {
    name: 'resolve',
    label: 'resolve',
    oldStates: open,
    newState: 'closed',
    operations: ['set_resolution'],
    permissions: ['TICKET_MODIFY'],
  },
  {
    name: 'reopen',
    label: 'reopen',
    oldStates: ['closed'],
    newState: 'reopened',
    operations: ['del_resolution'],
    permissions: ['TICKET_CREATE'],
  },
];
