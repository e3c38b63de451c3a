'use server';

import { getDb } from '@/core/db';
import { AppError } from '@/core/errors/app-error';
import type { AdminFormState } from '@/core/forms/admin-form-state';
import { readAll, readText } from '@/core/forms/form-fields';
import { runAdminForm } from '@/core/forms/run-admin-form';
import { saveTicketDefault } from '@/features/ticket/admin/ticket-values';
import { createMilestone } from '../create-milestone';
import { deleteMilestone } from '../delete-milestone';

import { updateMilestone } from '../update-milestone';

const milestoneInput = (form: FormData) => ({
  name: readText(form, 'name'),
  due: readText(form, 'due'),
  completed: readText(form, 'completed'),
  description: readText(form, 'description').replace(/\r\n?/g, '\n'),
});

export async function addMilestoneAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  return runAdminForm({
    form,
    permission: 'TRAC_ADMIN',
    work: async ({ permissions }) => {
      const { name } = await createMilestone({
        db: getDb(),
        permissions,
        input: milestoneInput(form),
      });
      return { message: `Milestone “${name}” added.` };
    },
  });
}

export async function updateMilestoneAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  return runAdminForm({
    form,
    permission: 'TRAC_ADMIN',
    work: async ({ permissions, author }) => {
      await updateMilestone({
        db: getDb(),
        permissions,
        author,
        name: readText(form, 'originalName'),
        input: milestoneInput(form),
      });
      return { redirectTo: '/admin/ticket/milestones' };
    },
  });
}

async function removeMilestonesAction(form: FormData): Promise<AdminFormState> {
  return runAdminForm({
    form,
    permission: 'TRAC_ADMIN',
    work: async ({ permissions, author }) => {
      const names = readAll(form, 'sel');
      if (names.length === 0)
        throw new AppError('INVALID_INPUT', 'Select the milestones to remove.');
      let retargeted = 0;
      // Each removal retargets its tickets (to none) with the move in their history.
      for (const name of names) {
        retargeted += (
          await deleteMilestone({ db: getDb(), permissions, author, name, retargetTo: '' })
        ).retargeted;
      }
      return {
        message: `Removed ${names.length}; ${retargeted} ticket${retargeted === 1 ? '' : 's'} now have no milestone.`,
      };
    },
  });
}

/** The milestone list's Apply changes button: the default milestone of new tickets. */
async function applyMilestoneListAction(form: FormData): Promise<AdminFormState> {
  return runAdminForm({
    form,
    permission: 'TRAC_ADMIN',
    work: async ({ permissions }) => {
      await saveTicketDefault({
        db: getDb(),
        permissions,
        list: 'milestone',
        value: readText(form, 'default'),
      });
      return { message: 'Your changes have been saved.' };
    },
  });
}

/** The milestone list's one form: "Remove selected items" or "Apply changes". */
export async function submitMilestoneListAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  return readText(form, 'intent') === 'remove'
    ? removeMilestonesAction(form)
    : applyMilestoneListAction(form);
}
