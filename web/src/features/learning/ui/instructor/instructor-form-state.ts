import { readSubmittedValues } from '@/core/forms/admin-form-state';

/** What an instructor's form shows after a submit: a refusal with its reasons by field, or a success. */
export interface FormState {
  ok: boolean;
  message?: string;
  /** The problem with each field, by the field's name, shown next to it. */
  fieldErrors?: Record<string, string>;
  /** On a refusal, what was submitted by field name, so the fields keep it. */
  values?: Record<string, string[]>;
}

/** Every instructor form's server action, as `useActionState` calls it. */
export type FormAction = (previous: FormState | null, form: FormData) => Promise<FormState>;

/** A refusal that keeps what was typed; `field` puts the message next to that field. */
export function refuse(
  form: FormData,
  message: string,
  fieldErrors: Record<string, string> = {},
): FormState {
  return { ok: false, message, fieldErrors, values: readSubmittedValues(form) };
}
