'use client';

import { useActionState } from 'react';
import { WikiContent } from '@/core/wiki-render/wiki-content';
import type { FieldSpec } from '../ticket-field-specs';
import { TicketFieldInputs } from './ticket-field-inputs';
import type { NewTicketFormState } from './ticket-form-state';
import { type ActionChoice, WorkflowActionChoices } from './workflow-action-choices';

export function NewTicketForm({
  createAction,
  initial,
  specs,
  actions,
}: {
  createAction: (state: NewTicketFormState, form: FormData) => Promise<NewTicketFormState>;
  initial: NewTicketFormState;
  specs: FieldSpec[];
  actions: ActionChoice[];
}) {
  const [state, formAction, pending] = useActionState(createAction, initial);
  const { values, errors } = state;
  const errorCount = Object.keys(errors).length;
  // A new key after each answer re-mounts the inputs so they show the values sent back.
  const key = JSON.stringify(values);
  return (
    <form action={formAction} className="ticket-form" noValidate>
      {errorCount > 0 && (
        <div className="notice error" role="alert">
          {errors.form ??
            `The ticket was not created: ${errorCount === 1 ? 'one field needs' : `${errorCount} fields need`} attention.`}
        </div>
      )}
      {state.previewHtml !== undefined && (
        <section className="ticket-preview" aria-label="Preview">
          <h2>Preview</h2>
          <div className="ticket-box">
            <h3 className="ticket-summary">{values.summary || <em>(no summary)</em>}</h3>
            {state.previewHtml ? (
              <WikiContent html={state.previewHtml} />
            ) : (
              <p className="muted">No description.</p>
            )}
          </div>
        </section>
      )}
      <fieldset className="ticket-fieldset" key={key}>
        <legend>Properties</legend>
        <div className={`ticket-prop wide${errors.summary ? ' has-error' : ''}`}>
          <label htmlFor="field-summary">Summary:</label>
          <div className="ticket-prop-input">
            <input
              id="field-summary"
              name="field_summary"
              type="text"
              maxLength={255}
              defaultValue={values.summary ?? ''}
              aria-invalid={errors.summary ? true : undefined}
              aria-describedby={errors.summary ? 'field-summary-error' : undefined}
              required
            />
            {errors.summary && (
              <small id="field-summary-error" className="field-error" role="alert">
                {errors.summary}
              </small>
            )}
          </div>
        </div>
        <div className={`ticket-prop wide${errors.description ? ' has-error' : ''}`}>
          <label htmlFor="field-description">Description:</label>
          <div className="ticket-prop-input">
            <textarea
              id="field-description"
              name="field_description"
              rows={10}
              defaultValue={values.description ?? ''}
              aria-invalid={errors.description ? true : undefined}
              aria-describedby="field-description-hint"
            />
            <small id="field-description-hint" className="muted">
              You may use WikiFormatting here.
            </small>
            {errors.description && (
              <small className="field-error" role="alert">
                {errors.description}
              </small>
            )}
          </div>
        </div>
        <TicketFieldInputs specs={specs} values={values} errors={errors} />
      </fieldset>
      {actions.length > 1 && (
        <WorkflowActionChoices
          key={`actions-${key}`}
          actions={actions}
          selected={state.action}
          owner=""
          resolution=""
          errors={errors}
        />
      )}
      {actions.length === 1 && <input type="hidden" name="action" value={actions[0]?.name} />}
      <div className="buttons">
        <button type="submit" name="intent" value="preview" disabled={pending}>
          Preview
        </button>{' '}
        <button type="submit" name="intent" value="create" className="primary" disabled={pending}>
          Create ticket
        </button>
      </div>
    </form>
  );
}
