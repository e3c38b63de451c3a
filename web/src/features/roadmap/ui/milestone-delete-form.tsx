'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import type { MilestoneGroup } from '../list-milestones';
import { deleteMilestoneAction } from './milestone-actions';
import { LEAVE_TICKETS, type MilestoneFormState } from './milestone-form-state';
import { MilestoneTargetOptions } from './milestone-target-options';

/** Trac's delete confirmation: where the milestone's tickets go, then delete. */
export function MilestoneDeleteForm(props: {
  initial: MilestoneFormState;
  name: string;
  ticketCount: number;
  /** Every other milestone, grouped as open by due date, open undated, and closed. */
  otherMilestones: MilestoneGroup[];
  cancelHref: string;
}) {
  const [state, action, pending] = useActionState(deleteMilestoneAction, props.initial);
  return (
    <form action={action} className="rm-form" aria-label="Delete milestone">
      {state.message && (
        <p className="notice error" role="alert">
          {state.fieldErrors.retarget ?? state.message}
        </p>
      )}
      <input type="hidden" name="originalName" value={props.name} />
      <p>Are you sure you want to delete this milestone?</p>
      {props.ticketCount > 0 && (
        <div>
          <label htmlFor="retarget">
            Retarget its {props.ticketCount} associated tickets to milestone
          </label>
          <select id="retarget" name="retarget" defaultValue={state.values.retarget}>
            <option value={LEAVE_TICKETS}>(no milestone)</option>
            <MilestoneTargetOptions groups={props.otherMilestones} />
          </select>
        </div>
      )}
      <div className="rm-actions">
        <button type="submit" className="rm-button rm-danger" disabled={pending}>
          Delete milestone
        </button>
        <Link href={props.cancelHref}>Cancel</Link>
      </div>
    </form>
  );
}
