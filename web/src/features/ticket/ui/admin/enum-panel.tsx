import { notFound } from 'next/navigation';
import { getDb } from '@/core/db';
import type { AdminPanelProps } from '@/core/feature';
import { countTicketsByValue, listEnumValues } from '@/features/ticket/admin/list-ticket-values';
import { loadTicketDefaults } from '@/features/ticket/admin/ticket-defaults';
import { VALUE_LISTS } from '@/features/ticket/admin/ticket-values';
import { ValueEditPanel } from '@/features/ticket/ui/admin/value-edit-panel';
import { ValueListPanel } from '@/features/ticket/ui/admin/value-list-panel';

/** The enum panels' URL names (Trac's) and the `enum` table type behind each. */
export const ENUM_PANELS = {
  priority: { list: 'priority', title: 'Priorities', one: 'Priority' },
  resolution: { list: 'resolution', title: 'Resolutions', one: 'Resolution' },
  severity: { list: 'severity', title: 'Severities', one: 'Severity' },
  type: { list: 'ticket_type', title: 'Ticket Types', one: 'Ticket Type' },
} as const;
export type EnumPanelName = keyof typeof ENUM_PANELS;

/** Priorities, severities, resolutions and ticket types: Trac's `enum` lists. */
export async function EnumPanel({ path, urlName }: AdminPanelProps & { urlName: EnumPanelName }) {
  const base = `/admin/ticket/${urlName}`;
  const panel = ENUM_PANELS[urlName];
  const db = getDb();
  const field = VALUE_LISTS[panel.list].field;
  const [values, counts, defaults] = await Promise.all([
    listEnumValues({ db, list: panel.list }),
    countTicketsByValue({ db, field }),
    loadTicketDefaults({ db }),
  ]);
  if (path.length) {
    const name = path.join('/');
    if (!values.includes(name)) notFound();
    return <ValueEditPanel {...panel} base={base} name={name} />;
  }
  return (
    <ValueListPanel
      {...panel}
      base={base}
      rows={values.map((value) => ({ name: value, tickets: counts.get(value) ?? 0 }))}
      defaultValue={defaults[field] ?? ''}
      ordered
    />
  );
}
