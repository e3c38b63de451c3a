'use server';

import { revalidatePath } from 'next/cache';
import { forbidden } from 'next/navigation';
import { getViewer } from '@/core/auth/current-user';
import { readText } from '@/core/forms/form-fields';
import { findUnsafeFormField } from '@/core/text/unsafe-text';
import {
  type LearnApiClient,
  type LearnApiResult,
  learnApiResult,
} from '../../learn-api/learn-api-client';
import { learnApiFor } from '../../learn-api/learn-api-for';
import { conceptHref } from '../../learning-format';
import type {
  AnswerFormState,
  FormRefusal,
  NewPathFormState,
  ReviewFormState,
  WriteQuestionsOutcome,
} from './learner-form-state';

async function requireLearner() {
  const viewer = await getViewer();
  if (!viewer.permissions.has('LEARNING_ANSWER')) forbidden();
}

/**
 * The half answering a question and reviewing a card share: checks the form and the learner,
 * sends the answer, and puts learn-api's refusal beside the answer field.
 */
async function sendAnswer<T>(
  form: FormData,
  send: (api: LearnApiClient, answer: string) => Promise<LearnApiResult<T>>,
): Promise<{ ok: true; data: T } | { ok: false; state: FormRefusal<{ answer: string }> }> {
  const values = { answer: readText(form, 'answer') };
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { ok: false, state: { values, fieldErrors: {}, message: unsafe.message } };
  await requireLearner();
  if (!values.answer.trim()) {
    return { ok: false, state: { values, fieldErrors: { answer: 'Write an answer first.' } } };
  }
  const result = await send(await learnApiFor(), values.answer);
  if (result.ok) return { ok: true, data: result.data };
  if (result.kind === 'unavailable') {
    return { ok: false, state: { values, fieldErrors: {}, message: result.message } };
  }
  const fieldErrors = { answer: result.fieldErrors.answer };
  return { ok: false, state: { values, fieldErrors, message: result.error.message } };
}

/** Grades an answer to one of a concept's questions; the concept page then shows the new standing. */
export async function answerQuestionAction(
  _previous: AnswerFormState,
  form: FormData,
): Promise<AnswerFormState> {
  const sent = await sendAnswer(form, (api, answer) =>
    learnApiResult(
      api.POST('/api/learntrac/questions/{id}/answers', {
        params: { path: { id: readText(form, 'questionId') } },
        body: { answer },
      }),
    ),
  );
  if (!sent.ok) return sent.state;
  revalidatePath(conceptHref(readText(form, 'pathId'), sent.data.ticketId));
  return { values: { answer: '' }, fieldErrors: {}, result: sent.data };
}

/** Reviews one due card with an answer to its question; the result says when it is due next. */
export async function submitReviewAction(
  _previous: ReviewFormState,
  form: FormData,
): Promise<ReviewFormState> {
  const sent = await sendAnswer(form, (api, answer) =>
    learnApiResult(
      api.POST('/api/learntrac/review/{cardId}', {
        params: { path: { cardId: readText(form, 'cardId') } },
        body: { questionId: readText(form, 'questionId'), answer },
      }),
    ),
  );
  if (!sent.ok) return sent.state;
  return { values: { answer: '' }, fieldErrors: {}, result: sent.data };
}

/**
 * "Learn something new": the first press searches the material and shows what was found;
 * the second builds the learner's personal path from it and opens the path.
 */
export async function newPathAction(
  previous: NewPathFormState,
  form: FormData,
): Promise<NewPathFormState> {
  const values = { query: readText(form, 'query'), title: readText(form, 'title') };
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { values, fieldErrors: {}, message: unsafe.message };
  await requireLearner();
  const query = values.query.trim();
  if (query.length < 2) {
    return { values, fieldErrors: { query: 'Say in a few words what you want to learn.' } };
  }
  const api = await learnApiFor();
  if (readText(form, 'intent') !== 'build' || readText(form, 'searchedQuery') !== query) {
    const found = await learnApiResult(
      api.POST('/api/learntrac/search', { body: { query, limit: 8 } }),
    );
    if (!found.ok) {
      if (found.kind === 'unavailable') return { values, fieldErrors: {}, message: found.message };
      return {
        values,
        fieldErrors: { query: found.fieldErrors.query },
        message: found.error.message,
      };
    }
    if (found.data.hits.length === 0) {
      return {
        values,
        fieldErrors: { query: 'No course material matches this yet. Try other words.' },
        hits: [],
      };
    }
    return { values, fieldErrors: {}, hits: found.data.hits, searchedQuery: query };
  }
  const built = await learnApiResult(
    api.POST('/api/learntrac/paths', {
      body: { kind: 'personal', title: values.title.trim() || query, query },
    }),
  );
  if (!built.ok) {
    const found = { hits: previous.hits, searchedQuery: previous.searchedQuery };
    if (built.kind === 'unavailable') {
      return { values, ...found, fieldErrors: {}, message: built.message };
    }
    return {
      values,
      ...found,
      fieldErrors: { query: built.fieldErrors.query, title: built.fieldErrors.title },
      message: built.error.message,
    };
  }
  revalidatePath('/learning');
  return {
    values,
    fieldErrors: {},
    built: { pathId: built.data.id, ticketIds: built.data.concepts.map((c) => c.ticketId) },
  };
}

/**
 * Writes the questions of one concept of the learner's personal path from its material. The
 * new-path form calls it concept by concept so that it can show how far it has got.
 */
export async function writeConceptQuestionsAction(form: FormData): Promise<WriteQuestionsOutcome> {
  const unsafe = findUnsafeFormField(form);
  if (unsafe) return { ok: false, message: unsafe.message };
  await requireLearner();
  const ticketId = Number(readText(form, 'ticketId'));
  if (!Number.isInteger(ticketId) || ticketId <= 0)
    return { ok: false, message: 'No such concept.' };
  const api = await learnApiFor();
  const result = await learnApiResult(
    api.POST('/api/learntrac/concepts/{ticketId}/questions/generate', {
      params: { path: { ticketId } },
      body: {},
    }),
  );
  if (!result.ok) {
    return {
      ok: false,
      message: result.kind === 'unavailable' ? result.message : result.error.message,
    };
  }
  const pathId = readText(form, 'pathId');
  if (pathId) revalidatePath(conceptHref(pathId, ticketId));
  return { ok: true, written: result.data.questions.length };
}
