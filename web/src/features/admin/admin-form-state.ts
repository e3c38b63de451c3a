/** What an admin form shows after a submit: a refusal with its reasons, or where to go next. */
export interface AdminFormState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Several problems at once (the workflow checker). */
  problems?: string[];
  /** After success, the page to show (e.g. back to the list from an edit page). */
  redirectTo?: string;
}

export type AdminFormAction = (form: FormData) => Promise<AdminFormState>;
