'use client';

import { type ComponentProps, createContext, type ReactNode, useContext } from 'react';
import type { AdminFormAction, AdminFormState } from './admin-form-state';
import { useFieldKeepingAction } from './use-field-keeping-action';

/** After a refusal, what the form submitted; the fields below show it instead of their defaults. */
const SubmittedValues = createContext<Record<string, string[]> | undefined>(undefined);

/**
 * A form whose submit runs a server action and shows its answer above the fields, with or
 * without JavaScript (`useFieldKeepingAction`). A page drawn after a refusal shows, in the fields
 * (`AdminInput` and friends), what was typed; a success clears the add forms.
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
  const { state, formAction, pending, form, submit } = useFieldKeepingAction(props.action, {
    resetOnSuccess: props.resetOnSuccess,
  });

  return (
    <form
      ref={form}
      id={props.id}
      className={props.className}
      aria-label={props.label}
      action={formAction}
      onSubmit={submit}
      aria-busy={pending}
    >
      {state && !state.ok && <Refusal state={state} />}
      {state?.ok && state.message && (
        <p className="notice" role="status">
          {state.message}
        </p>
      )}
      <SubmittedValues value={state && !state.ok ? state.values : undefined}>
        {props.children}
      </SubmittedValues>
    </form>
  );
}

/** What a field submitted last time, when the form was refused; undefined otherwise. */
function useSubmitted(name: string | undefined): string[] | undefined {
  const values = useContext(SubmittedValues);
  return name && values ? (values[name] ?? []) : undefined;
}

/** An input of an admin form that keeps what was submitted when the form is refused. */
export function AdminInput(props: ComponentProps<'input'>) {
  const submitted = useSubmitted(props.name);
  if (props.type === 'checkbox' || props.type === 'radio') {
    // Always a boolean: React leaves a box's default as it was when the prop goes missing, and a
    // success's reset would then tick again what the refused submit had ticked.
    const checked = submitted
      ? submitted.includes(String(props.value ?? 'on'))
      : Boolean(props.defaultChecked);
    return <input {...props} defaultChecked={checked} />;
  }
  if (!submitted) return <input {...props} />;
  return <input {...props} defaultValue={submitted[0] ?? ''} />;
}

/** A text area of an admin form that keeps what was submitted when the form is refused. */
export function AdminTextarea(props: ComponentProps<'textarea'>) {
  const submitted = useSubmitted(props.name);
  return (
    <textarea {...props} defaultValue={submitted ? (submitted[0] ?? '') : props.defaultValue} />
  );
}

/** A select of an admin form that keeps what was chosen when the form is refused. */
export function AdminSelect(props: ComponentProps<'select'>) {
  const submitted = useSubmitted(props.name);
  return <select {...props} defaultValue={submitted ? submitted[0] : props.defaultValue} />;
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
