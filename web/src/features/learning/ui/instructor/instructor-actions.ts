'use server';

import { redirect } from 'next/navigation';
import { getViewer } from '@/core/auth/current-user';
import { readText } from '@/core/forms/form-fields';
import { findUnsafeFormField } from '@/core/text/unsafe-text';
import { type LearnApiResult, learnApiResult } from '../../learn-api/learn-api-client';
import { learnApiFor } from '../../learn-api/learn-api-for';
import { newPathFieldOf, parseNewPathForm } from '../../new-path-form';
import { parseQuestionEdit } from '../../question-edit-form';
import { type FormState, refuse } from './instructor-form-state';

const MANAGE = 'LEARNING_MANAGE';

/** Every instructor action starts here: the page's permission, then text that cannot be kept. */
async function refusalBeforeWork(form: FormData): Promise<FormState | null> {
  const viewer = await getViewer();
  if (!viewer.permissions.has(MANAGE)) {
    return { ok: false, message: `${MANAGE} is needed to manage learning material and paths.` };
  }
  const unsafe = findUnsafeFormField(form);
  return unsafe ? refuse(form, unsafe.message) : null;
}

/**
 * learn-api's refusal as the form shows it: each field's problem next to that field (`fieldOf`
 * maps learn-api's names to the form's), or the message on its own.
 */
function refusalOf(
  form: FormData,
  result: Exclude<LearnApiResult<unknown>, { ok: true }>,
  fieldOf: (apiField: string) => string | null = () => null,
  wholeField: string | null = null,
): FormState {
  if (result.kind === 'unavailable') return refuse(form, result.message);
  const fieldErrors: Record<string, string> = {};
  for (const [apiField, message] of Object.entries(result.fieldErrors)) {
    const field = fieldOf(apiField);
    if (field) fieldErrors[field] ??= message;
  }
  if (Object.keys(fieldErrors).length === 0 && wholeField) {
    fieldErrors[wholeField] = result.error.message;
  }
  return refuse(form, result.error.message, fieldErrors);
}

/** Publishes, unpublishes, reindexes or deletes a document of the library. */
export async function changeDocumentAction(
  _previous: FormState | null,
  form: FormData,
): Promise<FormState> {
  const refused = await refusalBeforeWork(form);
  if (refused) return refused;
  const id = readText(form, 'documentId');
  const intent = readText(form, 'intent');
  const api = await learnApiFor();
  const params = { params: { path: { id } } };
  if (intent === 'delete') {
    const result = await learnApiResult(api.DELETE('/api/learntrac/documents/{id}', params));
    if (!result.ok) return refusalOf(form, result);
    redirect('/learning/library');
  }
  if (intent === 'reindex') {
    const result = await learnApiResult(api.POST('/api/learntrac/documents/{id}/reindex', params));
    return result.ok
      ? { ok: true, message: 'Reindexing: the status below follows it.' }
      : refusalOf(form, result);
  }
  if (intent === 'publish' || intent === 'unpublish') {
    const result = await learnApiResult(
      api.PATCH('/api/learntrac/documents/{id}', {
        ...params,
        body: { published: intent === 'publish' },
      }),
    );
    if (!result.ok) return refusalOf(form, result);
    return {
      ok: true,
      message: intent === 'publish' ? 'Published: learners can search it.' : 'No longer published.',
    };
  }
  return refuse(form, 'Choose publish, unpublish, reindex or delete.');
}

/** Builds a shared draft path from a search or chosen sections, then opens its review. */
export async function createPathAction(
  _previous: FormState | null,
  form: FormData,
): Promise<FormState> {
  const refused = await refusalBeforeWork(form);
  if (refused) return refused;
  const parsed = parseNewPathForm(form);
  if (!parsed.ok) return refuse(form, 'The path cannot be built yet.', parsed.fieldErrors);
  const api = await learnApiFor();
  const result = await learnApiResult(api.POST('/api/learntrac/paths', { body: parsed.input }));
  if (!result.ok) {
    const source = readText(form, 'source') === 'sections' ? 'sections' : 'query';
    return refusalOf(form, result, newPathFieldOf, source);
  }
  redirect(`/learning/paths/${result.data.id}/build`);
}

/** Writes questions for one concept of a draft path; the builder calls it concept by concept. */
export async function generateQuestionsAction(
  _previous: FormState | null,
  form: FormData,
): Promise<FormState> {
  const refused = await refusalBeforeWork(form);
  if (refused) return refused;
  const ticketId = Number(readText(form, 'ticketId'));
  if (!Number.isInteger(ticketId) || ticketId <= 0) return refuse(form, 'No such concept.');
  const api = await learnApiFor();
  const result = await learnApiResult(
    api.POST('/api/learntrac/concepts/{ticketId}/questions/generate', {
      params: { path: { ticketId } },
      body: {},
    }),
  );
  if (!result.ok) return refusalOf(form, result);
  return { ok: true, message: `${result.data.questions.length} questions written.` };
}

const QUESTION_FIELDS = ['prompt', 'expectedAnswer', 'choices', 'difficulty'];

/** Approves, rejects, edits or rewrites one generated question. */
export async function reviewQuestionAction(
  _previous: FormState | null,
  form: FormData,
): Promise<FormState> {
  const refused = await refusalBeforeWork(form);
  if (refused) return refused;
  const id = readText(form, 'questionId');
  const intent = readText(form, 'intent');
  const api = await learnApiFor();
  const params = { params: { path: { id } } };
  const fieldOf = (field: string) => (QUESTION_FIELDS.includes(field) ? field : null);
  if (intent === 'regenerate') {
    const result = await learnApiResult(
      api.POST('/api/learntrac/questions/{id}/regenerate', params),
    );
    return result.ok
      ? { ok: true, message: 'Rewritten from the source.' }
      : refusalOf(form, result);
  }
  if (intent === 'approve' || intent === 'reject') {
    const result = await learnApiResult(
      api.PATCH('/api/learntrac/questions/{id}', {
        ...params,
        body: { reviewStatus: intent === 'approve' ? 'approved' : 'rejected' },
      }),
    );
    return result.ok ? { ok: true } : refusalOf(form, result);
  }
  if (intent === 'edit') {
    const kind = readText(form, 'kind');
    if (kind !== 'open' && kind !== 'choice' && kind !== 'cloze') {
      return refuse(form, 'No such kind of question.');
    }
    const parsed = parseQuestionEdit(form, kind);
    if (!parsed.ok) return refuse(form, 'The question cannot be saved yet.', parsed.fieldErrors);
    const result = await learnApiResult(
      api.PATCH('/api/learntrac/questions/{id}', {
        ...params,
        body: { ...parsed.input, reviewStatus: 'approved' },
      }),
    );
    return result.ok
      ? { ok: true, message: 'Saved and approved.' }
      : refusalOf(form, result, fieldOf, 'prompt');
  }
  return refuse(form, 'Choose approve, reject, edit or rewrite.');
}

/** Adds or removes a prerequisite; a cycle is refused with learn-api's message naming it. */
export async function prerequisiteAction(
  _previous: FormState | null,
  form: FormData,
): Promise<FormState> {
  const refused = await refusalBeforeWork(form);
  if (refused) return refused;
  const id = readText(form, 'pathId');
  const ticketId = Number(readText(form, 'ticketId'));
  const prerequisiteId = Number(readText(form, 'prerequisiteId'));
  if (!Number.isInteger(prerequisiteId) || prerequisiteId <= 0) {
    return refuse(form, 'Choose a concept.', { prerequisiteId: 'Choose a concept' });
  }
  const api = await learnApiFor();
  const params = { params: { path: { id, ticketId, prerequisiteId } } };
  const route = '/api/learntrac/paths/{id}/concepts/{ticketId}/prerequisites/{prerequisiteId}';
  const result = await learnApiResult(
    readText(form, 'intent') === 'remove' ? api.DELETE(route, params) : api.PUT(route, params),
  );
  return result.ok ? { ok: true } : refusalOf(form, result, () => null, 'prerequisiteId');
}

/** Opens a reviewed draft path to learners, or archives a path. */
export async function changePathStatusAction(
  _previous: FormState | null,
  form: FormData,
): Promise<FormState> {
  const refused = await refusalBeforeWork(form);
  if (refused) return refused;
  const status = readText(form, 'status');
  if (status !== 'published' && status !== 'archived') {
    return refuse(form, 'Choose publish or archive.');
  }
  const api = await learnApiFor();
  const result = await learnApiResult(
    api.PATCH('/api/learntrac/paths/{id}', {
      params: { path: { id: readText(form, 'pathId') } },
      body: { status },
    }),
  );
  if (!result.ok) return refusalOf(form, result);
  return {
    ok: true,
    message: status === 'published' ? 'Published: learners can follow the path.' : 'Archived.',
  };
}
