import { BASIC_WORKFLOW } from '@learntrac/db/seed';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/core/errors/app-error';
import { applyWorkflowAction, describeWorkflowAction } from './apply-workflow-action';
import { listAvailableActions } from './list-available-actions';
import { listWorkflowStates, parseWorkflow, WorkflowConfigError } from './workflow-config';

const workflow = parseWorkflow(JSON.stringify(BASIC_WORKFLOW));
const resolutions = ['fixed', 'invalid', 'wontfix', 'duplicate', 'worksforme'];
const holding =
  (...permissions: string[]) =>
  (permission: string) =>
    permissions.includes(permission);

const names = (options: Parameters<typeof listAvailableActions>[0]) =>
  listAvailableActions(options).map((action) => action.name);

const open = { status: 'new', owner: 'ada', resolution: '' };
const closed = { status: 'closed', owner: 'ada', resolution: 'fixed' };

describe('parseWorkflow', () => {
  it('reads the basic workflow the site seed stores', () => {
    expect(workflow.map((action) => action.name)).toEqual([
      'leave',
      'create',
      'create_and_assign',
      'accept',
      'reassign',
      'resolve',
      'reopen',
    ]);
    expect(listWorkflowStates(workflow)).toEqual([
      'new',
      'assigned',
      'accepted',
      'reopened',
      'closed',
    ]);
  });

  it('names the broken part of a malformed workflow', () => {
    expect(() => parseWorkflow('{')).toThrow(WorkflowConfigError);
    expect(() =>
      parseWorkflow(
        JSON.stringify([
          { name: 'fly', oldStates: ['new'], newState: 'x', operations: ['teleport'] },
        ]),
      ),
    ).toThrow(/0\.operations\.0/);
    expect(() =>
      parseWorkflow(
        JSON.stringify([
          { name: 'a', oldStates: ['*'], newState: '*' },
          { name: 'a', oldStates: ['*'], newState: '*' },
        ]),
      ),
    ).toThrow(/defined twice/);
  });
});

describe('listAvailableActions', () => {
  it('offers a ticket modifier leave, accept, reassign and resolve on an open ticket, leave first', () => {
    expect(names({ workflow, ticket: open, can: holding('TICKET_MODIFY') })).toEqual([
      'leave',
      'accept',
      'reassign',
      'resolve',
    ]);
  });

  it('offers only leave to someone without TICKET_MODIFY', () => {
    expect(names({ workflow, ticket: open, can: holding('TICKET_APPEND') })).toEqual(['leave']);
  });

  it('offers reopen on a closed ticket to whoever may create tickets', () => {
    expect(names({ workflow, ticket: closed, can: holding('TICKET_CREATE') })).toEqual([
      'leave',
      'reopen',
    ]);
    expect(names({ workflow, ticket: closed, can: holding() })).toEqual(['leave']);
  });

  it('offers the creation actions only for a new ticket', () => {
    const creating = { status: null, owner: null, resolution: null };
    expect(
      names({ workflow, ticket: creating, can: holding('TICKET_CREATE', 'TICKET_MODIFY') }),
    ).toEqual(['create', 'create_and_assign']);
  });
});

describe('applyWorkflowAction', () => {
  const action = (name: string) => workflow.find((candidate) => candidate.name === name)!;
  const apply = (name: string, ticket = open, choices = {}) =>
    applyWorkflowAction({ action: action(name), ticket, actor: 'bob', resolutions, choices });

  it('accept makes the actor the owner and the ticket accepted', () => {
    expect(apply('accept')).toEqual({ status: 'accepted', owner: 'bob' });
  });

  it('resolve closes with the chosen resolution and refuses a missing or unknown one', () => {
    expect(apply('resolve', open, { resolution: 'fixed' })).toEqual({
      status: 'closed',
      resolution: 'fixed',
    });
    expect(() => apply('resolve')).toThrow(AppError);
    expect(() => apply('resolve', open, { resolution: 'done' })).toThrow(/not a resolution/);
  });

  it('reassign needs a new owner and sets it', () => {
    expect(apply('reassign', open, { owner: ' carol ' })).toEqual({
      status: 'assigned',
      owner: 'carol',
    });
    try {
      apply('reassign', open, { owner: '' });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        code: 'INVALID_INPUT',
        fieldErrors: { owner: expect.any(String) },
      });
    }
  });

  it('reopen deletes the resolution', () => {
    expect(apply('reopen', closed)).toEqual({ status: 'reopened', resolution: '' });
  });

  it('leave changes nothing', () => {
    expect(apply('leave')).toEqual({});
  });

  it('keeps set_owner within the configured choices', () => {
    const limited = { ...action('reassign'), setOwner: ['carol', 'dave'] };
    expect(() =>
      applyWorkflowAction({
        action: limited,
        ticket: open,
        actor: 'bob',
        resolutions,
        choices: { owner: 'eve' },
      }),
    ).toThrow(/carol, dave/);
  });

  it('describes the effects shown beside each action', () => {
    expect(
      describeWorkflowAction({ action: action('accept'), ticket: open, actor: 'bob' }),
    ).toEqual([
      'The ticket will be set to accepted.',
      'The owner will be changed from ada to bob.',
    ]);
    expect(describeWorkflowAction({ action: action('leave'), ticket: open, actor: 'bob' })).toEqual(
      ['as new', 'The owner will remain ada.'],
    );
  });
});
