'use client';

import { useActionState } from 'react';
import { WikiContent } from '@/core/wiki-render/wiki-content';
import type { FieldSpec } from '../ticket-field-specs';
import { TicketFieldInputs } from './ticket-field-inputs';
import type { ModifyTicketFormState } from './ticket-form-state';
import { type ActionChoice, WorkflowActionChoices } from './workflow-action-choices';

/** Trac's "Modify Ticket" box: comment, Change Properties, Action, preview and submit. */
export function ModifyTicketForm({
  modifyAction,
  ticketId,
  initial,
  specs,
  actions,
  canComment,
}: {
  modifyAction: (state: ModifyTicketFormState, form: FormData) => Promise<ModifyTicketFormState>;
  ticketId: number;
  initial: ModifyTicketFormState;
  specs: FieldSpec[];
  actions: ActionChoice[];
  canComment: boolean;
}) {
  const [answer, formAction, pending] = useActionState(modifyAction, initial);
  // After a save the page re-renders with the ticket's new changetime: the last answer is then
  // stale (its typed text was saved), and the form starts afresh from the page's values.
  const stale =
    BigInt(initial.expectedChangetime || '0') > BigInt(answer.expectedChangetime || '0');
  const state = stale ? initial : answer;
  const { errors } = state;
  const propertyErrors =
    specs.some((spec) => errors[spec.name]) || errors.summary || errors.description;
  const key = JSON.stringify([
    state.values,
    state.comment,
    state.action,
    state.ccUpdate,
    state.expectedChangetime,
  ]);
  const editable = specs.some((spec) => !spec.disabled);
  return (
    <form action={formAction} className="ticket-form" id="propertyform" noValidate>
      <input type="hidden" name="ticketId" value={ticketId} />
      <input type="hidden" name="view_time" value={state.expectedChangetime} />
      <input type="hidden" name="replyto" value={state.replyTo} />
      {state.collision && (
        <div className="notice error" role="alert" data-testid="mid-air-collision">
          <strong>Sorry, can not save your changes.</strong> This ticket has been modified by
          someone else since you started. Your changes are kept below; review what changed and
          submit again to save them.
          <ul className="ticket-collision">
            {state.collision.map((change) => (
              <li key={`${change.time}-${change.author}`}>
                <strong>{change.author}</strong> at {change.time}
                {change.fields.length > 0 && (
                  <ul>
                    {change.fields.map((field) => (
                      <li key={field.field}>
                        <strong>{field.field}</strong>{' '}
                        {field.field === 'Description'
                          ? 'modified'
                          : `changed from “${field.oldvalue}” to “${field.newvalue}”`}
                      </li>
                    ))}
                  </ul>
                )}
                {change.comment && (
                  <blockquote className="ticket-collision-comment">{change.comment}</blockquote>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.message && (
        <div className="notice error" role="alert">
          {state.message}
        </div>
      )}
      {canComment && (
        <fieldset className="ticket-fieldset">
          <legend>Add a comment</legend>
          {state.replyTo && <p className="muted">Replying to comment {state.replyTo}.</p>}
          <label htmlFor="comment" className="visually-hidden">
            Comment (you may use WikiFormatting here)
          </label>
          <textarea
            key={`comment-${key}`}
            id="comment"
            name="comment"
            rows={8}
            defaultValue={state.comment}
            aria-invalid={errors.comment ? true : undefined}
          />
          <small className="muted">You may use WikiFormatting here.</small>
          {errors.comment && (
            <p className="field-error" role="alert">
              {errors.comment}
            </p>
          )}
          {state.previewHtml !== undefined && (
            <section className="ticket-preview" aria-label="Comment preview">
              <h3>Preview</h3>
              {state.previewHtml ? (
                <WikiContent html={state.previewHtml} />
              ) : (
                <p className="muted">(empty comment)</p>
              )}
            </section>
          )}
        </fieldset>
      )}
      {editable && (
        <details className="ticket-change-props" open={Boolean(propertyErrors)}>
          <summary>Change Properties</summary>
          <fieldset className="ticket-fieldset" key={`props-${key}`}>
            <TicketFieldInputs
              specs={specs}
              values={state.values}
              errors={errors}
              ccUpdate={state.ccUpdate}
            />
          </fieldset>
        </details>
      )}
      <WorkflowActionChoices
        key={`actions-${key}`}
        actions={actions}
        selected={state.action}
        owner={state.actionOwner}
        resolution={state.actionResolution}
        errors={errors}
      />
      <div className="buttons">
        {canComment && (
          <>
            <button type="submit" name="intent" value="preview" disabled={pending}>
              Preview
            </button>{' '}
          </>
        )}
        <button type="submit" name="intent" value="save" className="primary" disabled={pending}>
          Submit changes
        </button>
      </div>
    </form>
  );
}
