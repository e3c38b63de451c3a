'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import type { MilestoneGroup } from '../list-milestones';
import { saveMilestoneAction } from './milestone-actions';
import { LEAVE_TICKETS, type MilestoneFormState } from './milestone-form-state';
import { MilestoneTargetOptions } from './milestone-target-options';

function FieldError({ state, field }: { state: MilestoneFormState; field: string }) {
  const message = state.fieldErrors[field];
  return message ? (
    <p className="rm-field-error" id={`${field}-error`} role="alert">
      {message}
    </p>
  ) : null;
}

/** The add / edit milestone form; a refused save shows why beside the field and keeps the text. */
export function MilestoneForm(props: {
  initial: MilestoneFormState;
  /** The milestone being edited; absent when adding one. */
  originalName?: string;
  /** Whether it is already completed (then there is nothing to retarget on completion). */
  wasCompleted: boolean;
  /** The other milestones its open tickets may move to, grouped as Trac groups them. */
  retargetMilestones: MilestoneGroup[];
  cancelHref: string;
}) {
  const [state, action, pending] = useActionState(saveMilestoneAction, props.initial);
  const [completed, setCompleted] = useState(state.values.isCompleted);
  const described = (field: string) =>
    state.fieldErrors[field] ? { 'aria-invalid': true, 'aria-describedby': `${field}-error` } : {};
  return (
    <form action={action} className="rm-form" aria-label="Milestone">
      {state.message && Object.keys(state.fieldErrors).length === 0 && (
        <p className="notice error" role="alert">
          {state.message}
        </p>
      )}
      {props.originalName && <input type="hidden" name="originalName" value={props.originalName} />}
      <div>
        <label htmlFor="name">Name</label>
        <input
          id="name"
          name="name"
          type="text"
          size={40}
          defaultValue={state.values.name}
          required
          {...described('name')}
        />
        <FieldError state={state} field="name" />
      </div>
      <fieldset>
        <legend>Schedule</legend>
        <label htmlFor="due">Due</label>
        <input
          id="due"
          name="due"
          type="date"
          defaultValue={state.values.due}
          {...described('due')}
        />
        <p className="rm-hint">Leave empty for no due date.</p>
        <FieldError state={state} field="due" />
        <p>
          <input
            id="isCompleted"
            name="isCompleted"
            type="checkbox"
            checked={completed}
            onChange={(event) => setCompleted(event.target.checked)}
          />{' '}
          <label htmlFor="isCompleted" style={{ display: 'inline' }}>
            Completed
          </label>
        </p>
        {completed && (
          <>
            <label htmlFor="completed">Completed on</label>
            <input
              id="completed"
              name="completed"
              type="date"
              defaultValue={state.values.completed}
              {...described('completed')}
            />
            <p className="rm-hint">Empty means now.</p>
            <FieldError state={state} field="completed" />
            {props.originalName && !props.wasCompleted && (
              <div>
                <label htmlFor="retarget">Retarget associated open tickets to milestone</label>
                <select
                  id="retarget"
                  name="retarget"
                  defaultValue={state.values.retarget}
                  {...described('retarget')}
                >
                  <option value={LEAVE_TICKETS}>(leave them on this milestone)</option>
                  <option value="">(no milestone)</option>
                  <MilestoneTargetOptions groups={props.retargetMilestones} />
                </select>
                <FieldError state={state} field="retarget" />
              </div>
            )}
          </>
        )}
      </fieldset>
      <div>
        <label htmlFor="description">Description</label>
        <textarea
          id="description"
          name="description"
          defaultValue={state.values.description}
          {...described('description')}
        />
        <p className="rm-hint">You may use WikiFormatting here.</p>
        <FieldError state={state} field="description" />
      </div>
      <div className="rm-actions">
        <button type="submit" className="primary" disabled={pending}>
          {props.originalName ? 'Submit changes' : 'Add milestone'}
        </button>
        <Link href={props.cancelHref}>Cancel</Link>
      </div>
    </form>
  );
}
