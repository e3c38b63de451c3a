import Link from 'next/link';
import { AdminForm, AdminInput, AdminSelect, AdminTextarea } from '@/core/forms/admin-form';
import type { CustomField } from '@/features/ticket/custom-fields';
import { CUSTOM_FIELD_TYPES } from '@/features/ticket/custom-fields';
import { saveCustomFieldAction } from './ticket-admin-actions';

/** Add or modify one custom field: every Trac kind with its options, default, order, format. */
export function CustomFieldForm(props: { field?: CustomField; back?: string }) {
  const { field } = props;
  const editing = Boolean(field);
  return (
    <AdminForm
      action={saveCustomFieldAction}
      label={editing ? 'Modify Custom Field' : 'Add Custom Field'}
      resetOnSuccess={!editing}
    >
      <fieldset>
        <legend>{editing ? 'Modify Custom Field:' : 'Add Custom Field:'}</legend>
        {field && <input type="hidden" name="originalName" value={field.name} />}
        <label className="field">
          <span>Name (lower-case letters, digits and _):</span>
          <AdminInput
            name="name"
            type="text"
            required
            defaultValue={field?.name}
            readOnly={editing}
            aria-label="Field name"
          />
        </label>
        <label className="field">
          <span>Type:</span>
          <AdminSelect name="type" defaultValue={field?.type ?? 'text'} aria-label="Type">
            {CUSTOM_FIELD_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </AdminSelect>
        </label>
        <label className="field">
          <span>Label:</span>
          <AdminInput name="label" type="text" defaultValue={field?.label} aria-label="Label" />
        </label>
        <label className="field">
          <span>Default value (checkbox: 0 or 1):</span>
          <AdminInput
            name="value"
            type="text"
            defaultValue={field?.value}
            aria-label="Default value"
          />
        </label>
        <label className="field">
          <span>Options (select and radio; one per line):</span>
          <AdminTextarea
            name="options"
            rows={4}
            defaultValue={field?.options.join('\n')}
            aria-label="Options"
          />
        </label>
        <label className="check">
          <AdminInput name="optional" type="checkbox" defaultChecked={field?.optional} />
          Select may be left empty
        </label>
        <label className="field">
          <span>Order:</span>
          <AdminInput name="order" type="number" defaultValue={field?.order} aria-label="Order" />
        </label>
        <label className="field">
          <span>Rows (textarea):</span>
          <AdminInput
            name="rows"
            type="number"
            min={1}
            max={50}
            defaultValue={field?.rows ?? 5}
            aria-label="Rows"
          />
        </label>
        <label className="field">
          <span>Format (time):</span>
          <AdminSelect name="format" defaultValue={field?.format ?? 'datetime'} aria-label="Format">
            <option value="datetime">date and time</option>
            <option value="date">date</option>
          </AdminSelect>
        </label>
        <label className="check">
          <AdminInput name="wiki" type="checkbox" defaultChecked={field?.wiki} />
          Textarea holds wiki text
        </label>
        <div className="buttons">
          <button type="submit">{editing ? 'Save' : 'Add'}</button>
          {props.back && <Link href={props.back}>Cancel</Link>}
        </div>
      </fieldset>
    </AdminForm>
  );
}
