'use server';

import { redirect } from 'next/navigation';
import { getViewer } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { isAppError } from '@/core/errors/app-error';
import { readText } from '@/core/forms/form-fields';
import { findUnsafeFormField } from '@/core/text/unsafe-text';
import { createMilestone } from '../create-milestone';
import { deleteMilestone } from '../delete-milestone';

import { milestoneHref } from '../milestone-href';
import { updateMilestone } from '../update-milestone';
import { LEAVE_TICKETS, type MilestoneFormState } from './milestone-form-state';

function readValues(form: FormData): MilestoneFormState['values'] {
  const isCompleted = form.get('isCompleted') === 'on';
  return {
    name: readText(form, 'name'),
    due: readText(form, 'due'),
    completed: readText(form, 'completed'),
    isCompleted,
    description: readText(form, 'description').replace(/\r\n?/g, '\n'),
    retarget: readText(form, 'retarget') || LEAVE_TICKETS,
  };
}

function refused(values: MilestoneFormState['values'], error: unknown): MilestoneFormState {
  if (isAppError(error)) {
    return { values, fieldErrors: error.fieldErrors, message: error.message };
  }
  throw error;
}

/** Adds a milestone (no `originalName`) or saves an edit; a refusal keeps what was typed. */
export async function saveMilestoneAction(
  _previous: MilestoneFormState,
  form: FormData,
): Promise<MilestoneFormState> {
  const values = readValues(form);
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { values, fieldErrors: {}, message: unsafe.message };
  const viewer = await getViewer();
  const originalName = readText(form, 'originalName');
  const now = new Date();
  const input = {
    name: values.name,
    due: values.due,
    // Ticking "completed" without a date means now, as in Trac.
    completed: values.isCompleted ? values.completed || now.toISOString().slice(0, 16) : '',
    description: values.description,
  };
  let name: string;
  try {
    if (originalName) {
      ({ name } = await updateMilestone({
        db: getDb(),
        permissions: viewer.permissions,
        author: viewer.user?.username ?? 'anonymous',
        name: originalName,
        input,
        retargetTo: values.retarget === LEAVE_TICKETS ? undefined : values.retarget,
        now,
      }));
    } else {
      ({ name } = await createMilestone({
        db: getDb(),
        permissions: viewer.permissions,
        input,
        now,
      }));
    }
  } catch (error) {
    return refused(values, error);
  }
  redirect(milestoneHref(name));
}

/** Deletes a milestone, moving its tickets to the chosen one (or none). */
export async function deleteMilestoneAction(
  _previous: MilestoneFormState,
  form: FormData,
): Promise<MilestoneFormState> {
  const values = readValues(form);
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { values, fieldErrors: {}, message: unsafe.message };
  const viewer = await getViewer();
  const name = readText(form, 'originalName');
  try {
    await deleteMilestone({
      db: getDb(),
      permissions: viewer.permissions,
      author: viewer.user?.username ?? 'anonymous',
      name,
      retargetTo: values.retarget === LEAVE_TICKETS ? '' : values.retarget,
    });
  } catch (error) {
    return refused(values, error);
  }
  redirect('/roadmap');
}
