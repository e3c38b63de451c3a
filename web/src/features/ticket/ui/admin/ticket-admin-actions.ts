'use server';

import { safeReturnPath } from '@/core/auth/safe-return-path';
import { getDb } from '@/core/db';
import { AppError, isAppError } from '@/core/errors/app-error';
import type { AdminFormState } from '@/core/forms/admin-form-state';
import { readAll, readOrder, readText } from '@/core/forms/form-fields';
import { runAdminForm } from '@/core/forms/run-admin-form';
import {
  removeCustomFields,
  reorderCustomFields,
  saveCustomField,
} from '@/features/ticket/admin/custom-field-admin';
import {
  addTicketValue,
  type EnumList,
  removeTicketValues,
  saveEnumOrder,
  saveTicketDefault,
  updateTicketValue,
  VALUE_LISTS,
  type ValueList,
} from '@/features/ticket/admin/ticket-values';
import { saveWorkflow } from '@/features/ticket/admin/workflow-admin';

const listOf = (form: FormData): ValueList => {
  const list = readText(form, 'list');
  if (!(list in VALUE_LISTS)) throw new AppError('INVALID_INPUT', `Unknown list ${list}.`);
  return list as ValueList;
};

export async function addTicketValueAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  return runAdminForm({
    form,
    permission: 'TRAC_ADMIN',
    work: async ({ permissions }) => {
      const list = listOf(form);
      const { name } = await addTicketValue({
        db: getDb(),
        permissions,
        list,
        name: readText(form, 'name'),
        owner: readText(form, 'owner'),
        time: readText(form, 'time'),
      });
      return { message: `${VALUE_LISTS[list].label} “${name}” added.` };
    },
  });
}

export async function updateTicketValueAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  return runAdminForm({
    form,
    permission: 'TRAC_ADMIN',
    work: async ({ permissions }) => {
      await updateTicketValue({
        db: getDb(),
        permissions,
        list: listOf(form),
        name: readText(form, 'originalName'),
        newName: readText(form, 'name'),
        owner: readText(form, 'owner'),
        description: readText(form, 'description').replace(/\r\n?/g, '\n'),
        time: readText(form, 'time'),
      });
      // Back to the list page the form names, and nowhere outside the admin.
      const back = safeReturnPath(readText(form, 'back'));
      return { redirectTo: back.startsWith('/admin/') ? back : '/admin' };
    },
  });
}

async function removeTicketValuesAction(form: FormData): Promise<AdminFormState> {
  return runAdminForm({
    form,
    permission: 'TRAC_ADMIN',
    work: async ({ permissions }) => {
      const { removed } = await removeTicketValues({
        db: getDb(),
        permissions,
        list: listOf(form),
        names: readAll(form, 'sel'),
      });
      return { message: `Removed ${removed}.` };
    },
  });
}

/** The list's Apply changes button: the default choice and, for enums, the order. */
async function applyListChangesAction(form: FormData): Promise<AdminFormState> {
  return runAdminForm({
    form,
    permission: 'TRAC_ADMIN',
    work: async ({ permissions }) => {
      const list = readText(form, 'list');
      const db = getDb();
      if (list === 'component' || list === 'version') {
        await saveTicketDefault({ db, permissions, list, value: readText(form, 'default') });
      } else {
        await saveEnumOrder({
          db,
          permissions,
          list: listOf(form) as EnumList,
          order: readOrder(form),
          defaultValue: readText(form, 'default'),
        });
      }
      return { message: 'Your changes have been saved.' };
    },
  });
}

const customFieldForm = (form: FormData) => ({
  name: readText(form, 'name'),
  type: readText(form, 'type'),
  label: readText(form, 'label'),
  value: readText(form, 'value'),
  options: readText(form, 'options'),
  optional: form.get('optional') === 'on',
  order: readText(form, 'order'),
  rows: readText(form, 'rows'),
  format: readText(form, 'format'),
  wiki: form.get('wiki') === 'on',
});

export async function saveCustomFieldAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  return runAdminForm({
    form,
    permission: 'TRAC_ADMIN',
    work: async ({ permissions }) => {
      const originalName = readText(form, 'originalName') || undefined;
      const { name } = await saveCustomField({
        db: getDb(),
        permissions,
        form: customFieldForm(form),
        originalName,
      });
      return originalName
        ? { redirectTo: '/admin/ticket/customfields' }
        : { message: `Custom field “${name}” added.` };
    },
  });
}

async function removeCustomFieldsAction(form: FormData): Promise<AdminFormState> {
  return runAdminForm({
    form,
    permission: 'TRAC_ADMIN',
    work: async ({ permissions }) => {
      const { removed } = await removeCustomFields({
        db: getDb(),
        permissions,
        names: readAll(form, 'sel'),
      });
      return { message: `Removed ${removed}; tickets keep their values.` };
    },
  });
}

async function reorderCustomFieldsAction(form: FormData): Promise<AdminFormState> {
  return runAdminForm({
    form,
    permission: 'TRAC_ADMIN',
    work: async ({ permissions }) => {
      await reorderCustomFields({ db: getDb(), permissions, order: readOrder(form) });
      return { message: 'Your changes have been saved.' };
    },
  });
}

export async function saveWorkflowAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  return runAdminForm({
    form,
    permission: 'TRAC_ADMIN',
    work: async ({ permissions }) => {
      const { actions } = await saveWorkflow({
        db: getDb(),
        permissions,
        text: readText(form, 'workflow'),
      });
      return { message: `The workflow with ${actions} actions has been saved.` };
    },
    explain: (error) =>
      isAppError(error, 'INVALID_INPUT') && error.problems.length > 0
        ? { ok: false, message: error.message, problems: error.problems }
        : null,
  });
}

/** A list page's one form: "Remove selected items" or "Apply changes", by the button pressed. */
export async function submitListAction(
  _previous: AdminFormState | null,
  form: FormData,
): Promise<AdminFormState> {
  const list = readText(form, 'list');
  const remove = readText(form, 'intent') === 'remove';
  if (list === 'customfield') {
    return remove ? removeCustomFieldsAction(form) : reorderCustomFieldsAction(form);
  }
  return remove ? removeTicketValuesAction(form) : applyListChangesAction(form);
}
