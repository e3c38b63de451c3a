/** What an admin form shows after a submit: a refusal with its reasons, or a success message. */
export interface AdminFormState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Several problems at once (the workflow checker). */
  problems?: string[];
  /**
   * On a refusal, what was submitted, by field name. A form posted without JavaScript comes back
   * as a freshly drawn page, whose fields show these instead of their defaults.
   */
  values?: Record<string, string[]>;
}

/**
 * Every admin form's server action. The previous state comes first, as `useActionState` passes
 * it, so the same action serves a form posted by the browser before (or without) JavaScript.
 */
export type AdminFormAction = (
  previous: AdminFormState | null,
  form: FormData,
) => Promise<AdminFormState>;

/** The text a form submitted, by field name, leaving out the fields React adds to post an action. */
export function readSubmittedValues(form: FormData): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string' || key.startsWith('$ACTION')) continue;
    values[key] ??= [];
    values[key].push(value);
  }
  return values;
}
