'use client';

import { type ReactNode, useActionState } from 'react';

/** What a simple form's action answers: nothing, or why it refused. */
export interface FormState {
  error?: string;
}

/** A form posting to a server action, showing the action's message when it refuses. */
export function ActionForm({
  action,
  children,
  submitLabel,
  className,
  danger,
  testId,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  children?: ReactNode;
  submitLabel: string;
  className?: string;
  danger?: boolean;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className={className ?? 'wiki-form'} data-testid={testId}>
      {state.error && (
        <p className="notice error" role="alert">
          {state.error}
        </p>
      )}
      {children}
      <div className="buttons">
        <button type="submit" className={danger ? 'danger' : 'primary'} disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
