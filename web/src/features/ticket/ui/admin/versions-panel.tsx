import { fromTracTime } from '@learntrac/db/time';
import { notFound } from 'next/navigation';
import { getDb } from '@/core/db';

import type { AdminPanelProps } from '@/core/feature';
import { AdminInput, AdminTextarea } from '@/core/forms/admin-form';
import { countTicketsByValue, listVersions } from '@/features/ticket/admin/list-ticket-values';
import { loadTicketDefaults } from '@/features/ticket/admin/ticket-defaults';
import { ValueEditPanel } from '@/features/ticket/ui/admin/value-edit-panel';
import { ValueListPanel } from '@/features/ticket/ui/admin/value-list-panel';

const BASE = '/admin/ticket/versions';

const day = (time: bigint | null) => {
  const date = time ? fromTracTime(time) : null;
  return date && date.getTime() > 0 ? date.toISOString().slice(0, 10) : '';
};

export async function VersionsPanel({ path }: AdminPanelProps) {
  const db = getDb();
  const [versions, counts, defaults] = await Promise.all([
    listVersions({ db }),
    countTicketsByValue({ db, field: 'version' }),
    loadTicketDefaults({ db }),
  ]);
  if (path.length) {
    const name = path.join('/');
    const version = versions.find((v) => v.name === name);
    if (!version) notFound();
    return (
      <ValueEditPanel list="version" one="Version" title="Versions" base={BASE} name={name}>
        <label className="field">
          <span>Released (YYYY-MM-DD):</span>
          <AdminInput name="time" type="date" defaultValue={day(version.time)} />
        </label>
        <label className="field">
          <span>Description (wiki text):</span>
          <AdminTextarea name="description" rows={6} defaultValue={version.description ?? ''} />
        </label>
      </ValueEditPanel>
    );
  }
  return (
    <ValueListPanel
      list="version"
      one="Version"
      title="Versions"
      base={BASE}
      columns={['Released']}
      rows={versions.map((v) => ({
        name: v.name,
        cells: [day(v.time)],
        tickets: counts.get(v.name) ?? 0,
      }))}
      defaultValue={defaults.version ?? ''}
      extraAddFields={
        <label className="field">
          <span>Released:</span>
          <AdminInput name="time" type="date" aria-label="Released" />
        </label>
      }
    />
  );
}
