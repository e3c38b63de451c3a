'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getViewer } from '@/core/auth/current-user';
import { safeReturnPath } from '@/core/auth/safe-return-path';
import { getDb } from '@/core/db';
import { findUnsafeFormField } from '@/core/text/unsafe-text';
import { createMilestone } from '@/features/roadmap/create-milestone';
import { deleteMilestone } from '@/features/roadmap/delete-milestone';
import { updateMilestone } from '@/features/roadmap/update-milestone';

import { AdminError, assertAdmin } from './admin-error';
import { type AdminFormState, readSubmittedValues } from './admin-form-state';
import { removeCustomFields, reorderCustomFields, saveCustomField } from './custom-field-admin';
import { grantPermission, revokePermissions } from './permission-admin';
import {
  addTicketValue,
  type EnumList,
  removeTicketValues,
  saveEnumOrder,
  saveTicketDefault,
  updateTicketValue,
  VALUE_LISTS,
  type ValueList,
} from './ticket-values';
import { saveWorkflow } from './workflow-admin';
import { WorkflowTextError } from './workflow-text';

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === 'string' ? value : '';
};
const all = (form: FormData, key: string) =>
  form.getAll(key).filter((value): value is string => typeof value === 'string');

/** Positions typed into `order.<name>` inputs. */
function readOrder(form: FormData): Record<string, number> {
  const order: Record<string, number> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('order.') && typeof value === 'string' && value.trim() !== '') {
      order[key.slice('order.'.length)] = Number(value);
    }
  }
  return order;
}

/** What a write reports on success: a message to show, or the page to go back to. */
type Outcome = { message?: string; redirectTo?: string } | undefined;

/**
 * Runs a write as the signed-in admin; refusals become form messages that carry what was
 * submitted, anything else throws. Going back to another page is a redirect, which answers a
 * script's call and a browser's plain post alike.
 */
async function run(
  form: FormData,
  work: (context: { permissions: ReadonlySet<string>; author: string }) => Promise<Outcome>,
): Promise<AdminFormState> {
  const unsafe = findUnsafeFormField(form);
  if (unsafe) {
    return {
      ok: false,
      message: unsafe.message,
      values: readSubmittedValues(form),
    };
  }
  const viewer = await getViewer();
  let outcome: Outcome;
  try {
    // The admin pages need TRAC_ADMIN, so every write they post does too, whatever the verb
    // behind it would accept on its own (milestones take MILESTONE_* elsewhere).
    assertAdmin(viewer.permissions);
    outcome = await work({
      permissions: viewer.permissions,
      author: viewer.user?.username ?? 'anonymous',
    });
  } catch (error) {
    // A milestone refusal is an admin refusal too.
    if (error instanceof AdminError) {
      const { message, fieldErrors } = error;
      return { ok: false, message, fieldErrors, values: readSubmittedValues(form) };
    }
    if (error instanceof WorkflowTextError) {
      const { message, problems } = error;
      return { ok: false, message, problems, values: readSubmittedValues(form) };
    }
    throw error;
  }
  // Site settings show on every page (ticket form choices, permissions): none may be served stale.
  revalidatePath('/', 'layout');
  if (outcome?.redirectTo) redirect(outcome.redirectTo);
  return { ok: true, message: outcome?.message };
}

const listOf = (form: FormData): ValueList => {
  const list = text(form, 'list');
  if (!(list in VALUE_LISTS)) throw new AdminError('invalid_input', `Unknown list ${list}.`);
  return list as ValueList;
};

export async function addTicketValueAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  return run(form, async ({ permissions }) => {
    const list = listOf(form);
    const { name } = await addTicketValue({
      db: getDb(),
      permissions,
      list,
      name: text(form, 'name'),
      owner: text(form, 'owner'),
      time: text(form, 'time'),
    });
    return { message: `${VALUE_LISTS[list].label} “${name}” added.` };
  });
}

export async function updateTicketValueAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  return run(form, async ({ permissions }) => {
    await updateTicketValue({
      db: getDb(),
      permissions,
      list: listOf(form),
      name: text(form, 'originalName'),
      newName: text(form, 'name'),
      owner: text(form, 'owner'),
      description: text(form, 'description').replace(/\r\n?/g, '\n'),
      time: text(form, 'time'),
    });
    // Back to the list page the form names, and nowhere outside the admin.
    const back = safeReturnPath(text(form, 'back'));
    return { redirectTo: back.startsWith('/admin/') ? back : '/admin' };
  });
}

async function removeTicketValuesAction(form: FormData): Promise<AdminFormState> {
  return run(form, async ({ permissions }) => {
    const { removed } = await removeTicketValues({
      db: getDb(),
      permissions,
      list: listOf(form),
      names: all(form, 'sel'),
    });
    return { message: `Removed ${removed}.` };
  });
}

/** The list's Apply changes button: the default choice and, for enums, the order. */
async function applyListChangesAction(form: FormData): Promise<AdminFormState> {
  return run(form, async ({ permissions }) => {
    const list = text(form, 'list');
    const db = getDb();
    if (list === 'component' || list === 'version' || list === 'milestone') {
      await saveTicketDefault({ db, permissions, list, value: text(form, 'default') });
    } else {
      await saveEnumOrder({
        db,
        permissions,
        list: listOf(form) as EnumList,
        order: readOrder(form),
        defaultValue: text(form, 'default'),
      });
    }
    return { message: 'Your changes have been saved.' };
  });
}

const milestoneInput = (form: FormData) => ({
  name: text(form, 'name'),
  due: text(form, 'due'),
  completed: text(form, 'completed'),
  description: text(form, 'description').replace(/\r\n?/g, '\n'),
});

export async function addMilestoneAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  return run(form, async ({ permissions }) => {
    const { name } = await createMilestone({
      db: getDb(),
      permissions,
      input: milestoneInput(form),
    });
    return { message: `Milestone “${name}” added.` };
  });
}

export async function updateMilestoneAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  return run(form, async ({ permissions, author }) => {
    await updateMilestone({
      db: getDb(),
      permissions,
      author,
      name: text(form, 'originalName'),
      input: milestoneInput(form),
    });
    return { redirectTo: '/admin/ticket/milestones' };
  });
}

async function removeMilestonesAction(form: FormData): Promise<AdminFormState> {
  return run(form, async ({ permissions, author }) => {
    const names = all(form, 'sel');
    if (names.length === 0)
      throw new AdminError('invalid_input', 'Select the milestones to remove.');
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
  });
}

const customFieldForm = (form: FormData) => ({
  name: text(form, 'name'),
  type: text(form, 'type'),
  label: text(form, 'label'),
  value: text(form, 'value'),
  options: text(form, 'options'),
  optional: form.get('optional') === 'on',
  order: text(form, 'order'),
  rows: text(form, 'rows'),
  format: text(form, 'format'),
  wiki: form.get('wiki') === 'on',
});

export async function saveCustomFieldAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  return run(form, async ({ permissions }) => {
    const originalName = text(form, 'originalName') || undefined;
    const { name } = await saveCustomField({
      db: getDb(),
      permissions,
      form: customFieldForm(form),
      originalName,
    });
    return originalName
      ? { redirectTo: '/admin/ticket/customfields' }
      : { message: `Custom field “${name}” added.` };
  });
}

async function removeCustomFieldsAction(form: FormData): Promise<AdminFormState> {
  return run(form, async ({ permissions }) => {
    const { removed } = await removeCustomFields({
      db: getDb(),
      permissions,
      names: all(form, 'sel'),
    });
    return { message: `Removed ${removed}; tickets keep their values.` };
  });
}

async function reorderCustomFieldsAction(form: FormData): Promise<AdminFormState> {
  return run(form, async ({ permissions }) => {
    await reorderCustomFields({ db: getDb(), permissions, order: readOrder(form) });
    return { message: 'Your changes have been saved.' };
  });
}

export async function saveWorkflowAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  return run(form, async ({ permissions }) => {
    const { actions } = await saveWorkflow({
      db: getDb(),
      permissions,
      text: text(form, 'workflow'),
    });
    return { message: `The workflow with ${actions} actions has been saved.` };
  });
}

export async function grantPermissionAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  return run(form, async ({ permissions }) => {
    const subject = text(form, 'subject').trim();
    const action = text(form, 'action').trim();
    await grantPermission({ db: getDb(), permissions, subject, action });
    return { message: `Granted ${action} to ${subject}.` };
  });
}

export async function revokePermissionsAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  return run(form, async ({ permissions }) => {
    // Each checkbox carries "subject:action"; subjects hold no colon in practice, actions never.
    const grants = all(form, 'sel').map((value) => {
      const at = value.lastIndexOf(':');
      if (at < 1) throw new AdminError('invalid_input', `“${value}” does not name a grant.`);
      return { username: value.slice(0, at), action: value.slice(at + 1) };
    });
    const { revoked } = await revokePermissions({ db: getDb(), permissions, grants });
    return { message: `Revoked ${revoked}.` };
  });
}

/** A list page's one form: "Remove selected items" or "Apply changes", by the button pressed. */
export async function submitListAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  const list = text(form, 'list');
  const remove = text(form, 'intent') === 'remove';
  if (list === 'milestone') {
    return remove ? removeMilestonesAction(form) : applyListChangesAction(form);
  }
  if (list === 'customfield') {
    return remove ? removeCustomFieldsAction(form) : reorderCustomFieldsAction(form);
  }
  return remove ? removeTicketValuesAction(form) : applyListChangesAction(form);
}
