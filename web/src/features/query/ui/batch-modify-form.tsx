import { AdminForm } from '@/core/forms/admin-form';
import type { Workflow } from '@/features/ticket/workflow';
import { actionLabel } from '@/features/ticket/workflow';
import { BATCH_FIELDS } from '../batch-modify';
import type { SiteQueryField } from '../load-query-fields';
import { batchModifyAction } from './batch-modify-action';
import './batch-modify.css';

export const BATCH_FORM_ID = 'batchmod-form';

/**
 * Trac's Batch Modify box under the query results: the ticked tickets get the chosen field
 * values, the comment and the workflow action, all in one go.
 */
export function BatchModifyForm(props: {
  fields: readonly SiteQueryField[];
  customFieldNames: readonly string[];
  workflow: Workflow;
  resolutions: readonly string[];
}) {
  const byName = new Map(props.fields.map((field) => [field.name, field]));
  const settable = [...BATCH_FIELDS, ...props.customFieldNames]
    .map((name) => byName.get(name))
    .filter((field): field is SiteQueryField => Boolean(field));
  const actions = props.workflow.filter((action) => !action.oldStates.includes('<none>'));
  return (
    <AdminForm
      action={batchModifyAction}
      id={BATCH_FORM_ID}
      className="batchmod"
      label="Batch Modify"
    >
      <fieldset>
        <legend>Batch Modify</legend>
        <p className="help">
          Tick tickets in the results, then set fields (left blank stays unchanged), comment or
          choose an action for all of them.
        </p>
        <div className="batchmod-fields">
          {settable.map((field) => (
            <label key={field.name} className="field" htmlFor={`batch-${field.name}`}>
              <span>{field.label}:</span>
              {field.options?.length ? (
                <select id={`batch-${field.name}`} name={`batch_${field.name}`} defaultValue="">
                  <option value="">(unchanged)</option>
                  {field.options.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
              ) : (
                <input id={`batch-${field.name}`} name={`batch_${field.name}`} type="text" />
              )}
            </label>
          ))}
        </div>
        <label className="field">
          <span>Comment:</span>
          <textarea name="comment" rows={3} />
        </label>
        <fieldset className="batchmod-actions">
          <legend>Action</legend>
          {actions.map((action, index) => (
            <label key={action.name} className="check">
              <input type="radio" name="action" value={action.name} defaultChecked={index === 0} />
              {actionLabel(action)}
            </label>
          ))}
          <label className="field">
            <span>New owner (for actions that set one):</span>
            <input name="action_owner" type="text" />
          </label>
          <label className="field">
            <span>Resolution (for actions that resolve):</span>
            <select name="action_resolution" defaultValue="">
              <option value="" />
              {props.resolutions.map((resolution) => (
                <option key={resolution}>{resolution}</option>
              ))}
            </select>
          </label>
        </fieldset>
        <div className="buttons">
          <button type="submit">Change tickets</button>
        </div>
      </fieldset>
    </AdminForm>
  );
}
