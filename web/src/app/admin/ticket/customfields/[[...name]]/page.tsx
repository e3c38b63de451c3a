import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { submitListAction } from '@/features/admin/admin-actions';
import { AdminForm, AdminInput } from '@/features/admin/ui/admin-form';
import { CustomFieldForm } from '@/features/admin/ui/custom-field-form';
import { customFieldLabel, loadCustomFields } from '@/features/ticket/custom-fields';

export const metadata = { title: 'Custom Fields – Admin' };
const BASE = '/admin/ticket/customfields';

type Props = { params: Promise<{ name?: string[] }> };

export default async function CustomFieldsAdminPage({ params }: Props) {
  const { name: path } = await params;
  await requirePermission('TRAC_ADMIN', BASE);
  const fields = await loadCustomFields({ db: getDb() });
  const heading = (
    <h1>
      <span className="category">Ticket System: </span>Custom Fields
    </h1>
  );
  if (path?.length) {
    const field = fields.find((f) => f.name === decodeURIComponent(path.join('/')));
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
                  <th className="sel" scope="col">
                    <span className="visually-hidden">Select</span>
                  </th>
                  <th scope="col">Name</th>
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
                    <td className="sel">
                      <AdminInput
                        type="checkbox"
                        name="sel"
                        value={field.name}
                        aria-label={`Select ${field.name}`}
                      />
                    </td>
                    <td>
                      <Link href={`${BASE}/${encodeURIComponent(field.name)}`}>{field.name}</Link>
                    </td>
                    <td>
                      {field.type}
                      {field.type === 'time' ? ` (${field.format})` : ''}
                    </td>
                    <td>{customFieldLabel(field)}</td>
                    <td>{field.value}</td>
                    <td>{field.options.join(' | ')}</td>
                    <td className="order">
                      <AdminInput
                        name={`order.${field.name}`}
                        type="number"
                        min={1}
                        defaultValue={index + 1}
                        aria-label={`Order of ${field.name}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="buttons">
            <button type="submit" name="intent" value="remove">
              Remove selected items
            </button>
            <button type="submit" name="intent" value="apply">
              Apply changes
            </button>
          </div>
          <p className="help">
            Removing a field hides it from tickets and queries; the values tickets hold stay in the
            database, as Trac keeps them.
          </p>
        </AdminForm>
      </div>
    </>
  );
}
