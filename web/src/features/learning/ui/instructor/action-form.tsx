'use client';

import { type ComponentProps, createContext, type ReactNode, useContext, useId } from 'react';
import { useFieldKeepingAction } from '@/core/forms/use-field-keeping-action';
import type { FormAction, FormState } from './instructor-form-state';

interface FormContext {
  id: string;
  state: FormState | null;
}
const CurrentForm = createContext<FormContext>({ id: 'form', state: null });

/**
 * A form whose submit runs a server action, with or without JavaScript
 * (`useFieldKeepingAction`): a refusal leaves every field as typed and puts each field's problem
 * beside it; a success refreshes the page, and clears the fields when asked.
 */
export function ActionForm(props: {
  action: FormAction;
  children: ReactNode;
  label?: string;
  className?: string;
  resetOnSuccess?: boolean;
}) {
  const { state, formAction, pending, form, submit } = useFieldKeepingAction(props.action, {
    resetOnSuccess: props.resetOnSuccess,
  });
  const id = useId().replaceAll(':', '');

  const unplaced = state && !state.ok && Object.keys(state.fieldErrors ?? {}).length === 0;
  return (
    <form
      ref={form}
      className={props.className}
      aria-label={props.label}
      action={formAction}
      onSubmit={submit}
      aria-busy={pending}
    >
      {unplaced && (
        <p className="notice error" role="alert">
          {state.message}
        </p>
      )}
      {state?.ok && state.message && (
        <p className="notice" role="status">
          {state.message}
        </p>
      )}
      <CurrentForm value={{ id, state }}>{props.children}</CurrentForm>
    </form>
  );
}

/** What the field submitted when the form was refused, its error, and the ids that tie them. */
function useField(name: string) {
  const { id, state } = useContext(CurrentForm);
  const refused = state && !state.ok ? state : null;
  const error = refused?.fieldErrors?.[name];
  return {
    name,
    inputId: `${id}-${name}`,
    errorId: `${id}-${name}-error`,
    submitted: refused?.values ? (refused.values[name] ?? []) : undefined,
    error,
  };
}

/** The message for one field, right after it; read out with the field through aria-describedby. */
export function FieldError(props: { name: string }) {
  const { errorId, error } = useField(props.name);
  if (!error) return null;
  return (
    <span id={errorId} className="field-error" role="alert">
      {error}
    </span>
  );
}

type Field = ReturnType<typeof useField>;

/** The label, hint and error around one control, and the attributes that tie them to it. */
function LabelledField(props: {
  field: Field;
  label: string;
  hint?: string;
  control: (tie: {
    id: string;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}) {
  const { field, label, hint } = props;
  const hintId = `${field.inputId}-hint`;
  const described = [hint ? hintId : null, field.error ? field.errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="form-field">
      <label htmlFor={field.inputId}>{label}</label>
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
      {props.control({
        id: field.inputId,
        'aria-invalid': field.error ? true : undefined,
        'aria-describedby': described || undefined,
      })}
      <FieldError name={field.name} />
    </div>
  );
}

/** A labelled input that keeps what was typed when the form is refused and shows its error. */
export function TextField(
  props: ComponentProps<'input'> & { name: string; label: string; hint?: string },
) {
  const { label, hint, ...input } = props;
  const field = useField(props.name);
  return (
    <LabelledField
      field={field}
      label={label}
      hint={hint}
      control={(tie) => (
        <input
          type="text"
          {...input}
          {...tie}
          defaultValue={field.submitted ? (field.submitted[0] ?? '') : input.defaultValue}
        />
      )}
    />
  );
}

/** A labelled text area that keeps what was typed when the form is refused and shows its error. */
export function TextAreaField(
  props: ComponentProps<'textarea'> & { name: string; label: string; hint?: string },
) {
  const { label, hint, ...textarea } = props;
  const field = useField(props.name);
  return (
    <LabelledField
      field={field}
      label={label}
      hint={hint}
      control={(tie) => (
        <textarea
          {...textarea}
          {...tie}
          defaultValue={field.submitted ? (field.submitted[0] ?? '') : textarea.defaultValue}
        />
      )}
    />
  );
}

/** A labelled select that keeps what was chosen when the form is refused and shows its error. */
export function SelectField(props: ComponentProps<'select'> & { name: string; label: string }) {
  const { label, ...select } = props;
  const field = useField(props.name);
  return (
    <LabelledField
      field={field}
      label={label}
      control={(tie) => (
        <select
          {...select}
          {...tie}
          defaultValue={field.submitted ? field.submitted[0] : select.defaultValue}
        />
      )}
    />
  );
}

/** A checkbox or radio that stays as submitted when the form is refused. */
export function Choice(
  props: ComponentProps<'input'> & { name: string; value: string; children: ReactNode },
) {
  const { children, ...input } = props;
  const field = useField(props.name);
  const checked = field.submitted
    ? field.submitted.includes(props.value)
    : Boolean(input.defaultChecked);
  return (
    <label className="choice">
      <input type="checkbox" {...input} defaultChecked={checked} />
      {children}
    </label>
  );
}

/** A submit button that says it is working while its form is. */
export function SubmitButton(props: ComponentProps<'button'>) {
  return <button type="submit" className="primary" {...props} />;
}
