'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, type ReactNode, useState, useTransition } from 'react';
import type { AdminFormAction, AdminFormState } from '../admin-form-state';

/**
 * A form whose submit runs a server action and shows its answer above the fields. The fields
 * are not reset on a refusal, so nothing typed is lost; on success the page is refreshed.
 */
export function AdminForm(props: {
  action: AdminFormAction;
  children: ReactNode;
  className?: string;
  id?: string;
  label?: string;
  /** Clear the fields after a success (the add forms). */
  resetOnSuccess?: boolean;
}) {
  const router = useRouter();
  const [state, setState] = useState<AdminFormState | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(async () => {
      const next = await props.action(data);
      setState(next);
      if (!next.ok) return;
      if (props.resetOnSuccess) form.reset();
      if (next.redirectTo) router.push(next.redirectTo);
      else router.refresh();
    });
  }

  return (
    <form
      id={props.id}
      className={props.className}
      aria-label={props.label}
      onSubmit={submit}
      aria-busy={pending}
    >
      {state && !state.ok && <Refusal state={state} />}
      {state?.ok && state.message && (
        <p className="notice" role="status">
          {state.message}
        </p>
      )}
      {props.children}
    </form>
  );
}

/** The refusal box: the message, then each reason not already said by the message. */
function Refusal({ state }: { state: AdminFormState }) {
  const reasons = [...(state.problems ?? []), ...Object.values(state.fieldErrors ?? {})].filter(
    (reason, index, all) => reason !== state.message && all.indexOf(reason) === index,
  );
  return (
    <div className="notice error" role="alert">
      <strong>{state.message}</strong>
      {reasons.length > 0 && (
        <ul>
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
