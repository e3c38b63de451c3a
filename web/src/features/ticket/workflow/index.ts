export {
  actionLabel,
  applyWorkflowAction,
  describeWorkflowAction,
  type WorkflowChoices,
  type WorkflowFieldChanges,
} from './apply-workflow-action';
export {
  listAvailableActions,
  type PermissionCheck,
  type WorkflowTicket,
} from './list-available-actions';
export { loadWorkflow } from './load-workflow';
export {
  listWorkflowStates,
  parseWorkflow,
  TICKET_WORKFLOW_KEY,
  type Workflow,
  type WorkflowAction,
  WorkflowConfigError,
  WorkflowSchema,
} from './workflow-config';
