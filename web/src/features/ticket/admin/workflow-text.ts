import { isPermissionAction } from '@learntrac/db/permissions';
import { AppError } from '@/core/errors/app-error';
import { type Workflow, type WorkflowAction, WorkflowSchema } from '@/features/ticket/workflow';

/**
 * The workflow as the text of Trac's `[ticket-workflow]` section, which Trac admins know:
 * `resolve = new,assigned -> closed`, `resolve.operations = set_resolution`,
 * `resolve.permissions = TICKET_MODIFY`, `.label`, `.default`, `.set_owner`, `.set_resolution`.
 */
export function formatWorkflowText(workflow: Workflow): string {
  const blocks = workflow.map((action) => {
    const lines = [`${action.name} = ${action.oldStates.join(',')} -> ${action.newState}`];
    if (action.label && action.label !== action.name)
      lines.push(`${action.name}.label = ${action.label}`);
    if (action.operations.length)
      lines.push(`${action.name}.operations = ${action.operations.join(',')}`);
    if (action.permissions.length)
      lines.push(`${action.name}.permissions = ${action.permissions.join(',')}`);
    if (action.default) lines.push(`${action.name}.default = ${action.default}`);
    if (action.setOwner) lines.push(`${action.name}.set_owner = ${action.setOwner.join(',')}`);
    if (action.setResolution) {
      lines.push(`${action.name}.set_resolution = ${action.setResolution.join(',')}`);
    }
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

/** A workflow text with problems: each names its line (1-based) where it has one. */
function workflowTextError(problems: string[]): AppError {
  return new AppError(
    'INVALID_INPUT',
    `The workflow has ${problems.length} problem${problems.length === 1 ? '' : 's'}.`,
    { problems },
  );
}

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * Reads the text back into the stored workflow, checking it as the ticket pages will use it:
 * known operations, permissions that are real actions, a way to create tickets, and every
 * state an action starts from being reachable.
 */
export function parseWorkflowText(text: string): Workflow {
  const problems: string[] = [];
  const actions = new Map<string, Record<string, unknown>>();
  const action = (name: string) => {
    let found = actions.get(name);
    if (!found) {
      found = { name };
      actions.set(name, found);
    }
    return found;
  };
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (
      line === '' ||
      line.startsWith('#') ||
      line.startsWith(';') ||
      line === '[ticket-workflow]'
    ) {
      continue;
    }
    const where = `Line ${index + 1}`;
    const match = /^([^=\s]+)\s*=\s*(.*)$/.exec(line);
    if (!match) {
      problems.push(`${where}: expected “name = value”.`);
      continue;
    }
    const [, key = '', value = ''] = match;
    const dot = key.indexOf('.');
    if (dot < 0) {
      const transition = /^(.+?)\s*->\s*(.+)$/.exec(value);
      if (!transition) {
        problems.push(`${where}: ${key} needs “old states -> new state”.`);
        continue;
      }
      Object.assign(action(key), {
        oldStates: list(transition[1]!),
        newState: transition[2]!.trim(),
      });
      continue;
    }
    const name = key.slice(0, dot);
    const attribute = key.slice(dot + 1);
    const target = action(name);
    switch (attribute) {
      case 'label':
      case 'name':
        target.label = value;
        break;
      case 'operations':
        target.operations = list(value);
        break;
      case 'permissions':
        target.permissions = list(value);
        break;
      case 'default':
        if (!/^-?\d+$/.test(value)) problems.push(`${where}: ${key} must be a whole number.`);
        target.default = Number(value);
        break;
      case 'set_owner':
        target.setOwner = list(value);
        break;
      case 'set_resolution':
        target.setResolution = list(value);
        break;
      default:
        problems.push(`${where}: ${attribute} is not an attribute of a workflow action.`);
    }
  }
  for (const [name, data] of actions) {
    if (!data.oldStates)
      problems.push(`${name} has attributes but no “${name} = old -> new” line.`);
  }
  if (problems.length > 0) throw workflowTextError(problems);

  const parsed = WorkflowSchema.safeParse([...actions.values()]);
  if (!parsed.success) {
    const names = [...actions.keys()];
    throw workflowTextError(
      parsed.error.issues.map((issue) => {
        const [index, attribute, item] = issue.path;
        const name = typeof index === 'number' ? names[index] : undefined;
        const subject = [name, attribute, item].filter((part) => part !== undefined).join('.');
        return `${subject || 'workflow'}: ${issue.message}`;
      }),
    );
  }
  const workflow = parsed.data;
  problems.push(...checkWorkflow(workflow));
  if (problems.length > 0) throw workflowTextError(problems);
  return workflow;
}

function checkWorkflow(workflow: Workflow): string[] {
  const problems: string[] = [];
  const reachable = new Set(
    workflow.map((a: WorkflowAction) => a.newState).filter((s) => s !== '*'),
  );
  if (!workflow.some((a) => a.oldStates.includes('<none>'))) {
    problems.push('No action starts from <none>: tickets could not be created.');
  }
  for (const a of workflow) {
    for (const permission of a.permissions) {
      if (!isPermissionAction(permission)) {
        problems.push(`${a.name}.permissions: ${permission} is not a permission action.`);
      }
    }
    for (const state of a.oldStates) {
      if (state !== '*' && state !== '<none>' && !reachable.has(state)) {
        problems.push(`${a.name}: no action leads to state “${state}”.`);
      }
    }
    if (a.newState === '<none>') problems.push(`${a.name}: <none> cannot be a new state.`);
  }
  return problems;
}
