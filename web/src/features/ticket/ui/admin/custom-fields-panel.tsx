import { notFound } from 'next/navigation';
import { getDb } from '@/core/db';
import type { AdminPanelProps } from '@/core/feature';
import { AdminForm } from '@/core/forms/admin-form';
import {
  OrderCell,
  RemoveAndApplyButtons,
  SelectAndNameCells,
  SelectAndNameHeaders,
} from '@/core/forms/list-table';
import { customFieldLabel, loadCustomFields } from '@/features/ticket/custom-fields';
import { CustomFieldForm } from '@/features/ticket/ui/admin/custom-field-form';
import { submitListAction } from './ticket-admin-actions';

const BASE = '/admin/ticket/customfields';

export async function CustomFieldsPanel({ path }: AdminPanelProps) {
  const fields = await loadCustomFields({ db: getDb() });
  const heading = (
    <h1>
      <span className="category">Ticket System: </span>Custom Fields
    </h1>
  );
  if (path.length) {
    const field = fields.find((f) => f.name === path.join('/'));
    if (!field) notFound();
    return (
      <>
        {heading}
        <CustomFieldForm field={field} back={BASE} />
      </>
    );
  }
  return (
    <>
      {heading}
      <div className="admin-columns">
        <CustomFieldForm />
        <AdminForm action={submitListAction} label="Custom fields list">
          <input type="hidden" name="list" value="customfield" />
          {fields.length === 0 ? (
            <p className="notice">No custom fields are defined.</p>
          ) : (
            <table className="listing">
              <thead>
                <tr>
                  <SelectAndNameHeaders />
                  <th scope="col">Type</th>
                  <th scope="col">Label</th>
                  <th scope="col">Default</th>
                  <th scope="col">Options</th>
                  <th scope="col">Order</th>
                </tr>
              </thead>
              <tbody>
                {fields.map((field, index) => (
                  <tr key={field.name}>
                    <SelectAndNameCells name={field.name} base={BASE} />
                    <td>
                      {field.type}
                      {field.type === 'time' ? ` (${field.format})` : ''}
                    </td>
                    <td>{customFieldLabel(field)}</td>
                    <td>{field.value}</td>
                    <td>{field.options.join(' | ')}</td>
                    <OrderCell name={field.name} index={index} />
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <RemoveAndApplyButtons />
          <p className="help">
            Removing a field hides it from tickets and queries; the values tickets hold stay in the
            database, as Trac keeps them.
          </p>
        </AdminForm>
      </div>
    </>
  );
}
