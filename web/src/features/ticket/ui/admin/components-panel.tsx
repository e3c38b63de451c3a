import { notFound } from 'next/navigation';
import { getDb } from '@/core/db';
import type { AdminPanelProps } from '@/core/feature';
import { AdminInput, AdminTextarea } from '@/core/forms/admin-form';
import { countTicketsByValue, listComponents } from '@/features/ticket/admin/list-ticket-values';
import { loadTicketDefaults } from '@/features/ticket/admin/ticket-defaults';
import { ValueEditPanel } from '@/features/ticket/ui/admin/value-edit-panel';
import { ValueListPanel } from '@/features/ticket/ui/admin/value-list-panel';

const BASE = '/admin/ticket/components';

export async function ComponentsPanel({ path }: AdminPanelProps) {
  const db = getDb();
  const [components, counts, defaults] = await Promise.all([
    listComponents({ db }),
    countTicketsByValue({ db, field: 'component' }),
    loadTicketDefaults({ db }),
  ]);
  if (path.length) {
    const name = path.join('/');
    const component = components.find((c) => c.name === name);
    if (!component) notFound();
    return (
      <ValueEditPanel list="component" one="Component" title="Components" base={BASE} name={name}>
        <label className="field">
          <span>Owner:</span>
          <AdminInput name="owner" type="text" defaultValue={component.owner ?? ''} />
        </label>
        <label className="field">
          <span>Description (wiki text):</span>
          <AdminTextarea name="description" rows={6} defaultValue={component.description ?? ''} />
        </label>
      </ValueEditPanel>
    );
  }
  return (
    <ValueListPanel
      list="component"
      one="Component"
      title="Components"
      base={BASE}
      columns={['Owner']}
      rows={components.map((c) => ({
        name: c.name,
        cells: [c.owner ?? ''],
        tickets: counts.get(c.name) ?? 0,
      }))}
      defaultValue={defaults.component ?? ''}
      extraAddFields={
        <label className="field">
          <span>Owner:</span>
          <AdminInput name="owner" type="text" aria-label="Owner" />
        </label>
      }
    />
  );
}
