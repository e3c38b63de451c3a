'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { getViewer } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { isAppError } from '@/core/errors/app-error';
import { showPageError } from '@/core/errors/show-error';
import { findUnsafeFormField } from '@/core/text/unsafe-text';
import { createReport, deleteReport, updateReport } from '@/features/report/save-report';
import type { ReportFormState } from '@/features/report/ui/report-form';

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : '';
};

const idOf = (form: FormData) => {
  const id = Number(text(form, 'id'));
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null;
};

/** Saves the report form: a new report without `id`, else changes that report. */
export async function saveReportAction(
  _previous: ReportFormState,
  form: FormData,
): Promise<ReportFormState> {
  const values = {
    title: text(form, 'title'),
    description: text(form, 'description'),
    query: text(form, 'query'),
  };
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { values, errors: {}, message: unsafe.message };
  const actor = await getViewer();
  const db = getDb();
  const id = idOf(form);
  let saved: number;
  try {
    if (id === null) saved = (await createReport({ db, actor, input: values })).id;
    else {
      await updateReport({ db, actor, id, input: values });
      saved = id;
    }
  } catch (error) {
    if (isAppError(error, 'INVALID_INPUT')) return { values, errors: error.fieldErrors };
    if (isAppError(error, 'FORBIDDEN') || isAppError(error, 'NOT_FOUND')) {
      return { values, errors: {}, message: error.message };
    }
    throw error;
  }
  revalidatePath('/report');
  redirect(`/report/${saved}`);
}

/** Deletes the report named by the confirmation form. */
export async function deleteReportAction(form: FormData): Promise<void> {
  const id = idOf(form);
  if (id === null) notFound();
  try {
    await deleteReport({ db: getDb(), actor: await getViewer(), id });
  } catch (error) {
    showPageError(error);
  }
  revalidatePath('/report');
  redirect('/report');
}
