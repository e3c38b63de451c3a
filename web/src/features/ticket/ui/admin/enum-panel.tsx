import { notFound } from 'next/navigation';
import { requirePermission } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { decodePageSegments } from '@/core/routing/page-segments';
import { ENUM_PANELS } from '@/features/admin/admin-panels';
import { countTicketsByValue, listEnumValues } from '@/features/ticket/admin/list-ticket-values';
import { loadTicketDefaults } from '@/features/ticket/admin/ticket-defaults';
import { VALUE_LISTS } from '@/features/ticket/admin/ticket-values';
import { ValueEditPanel } from '@/features/ticket/ui/admin/value-edit-panel';
import { ValueListPanel } from '@/features/ticket/ui/admin/value-list-panel';

type Props = { params: Promise<{ list: string; name?: string[] }> };

export async function generateMetadata({ params }: Props) {
  const { list } = await params;
  const panel = ENUM_PANELS[list as keyof typeof ENUM_PANELS];
  return { title: `${panel?.title ?? 'Admin'} – Admin` };
}

/** Priorities, severities, resolutions and ticket types: Trac's `enum` lists. */
export default async function EnumAdminPage({ params }: Props) {
  const { list: urlName, name: path } = await params;
  const base = `/admin/ticket/${urlName}`;
  await requirePermission('TRAC_ADMIN', base);
  const panel = ENUM_PANELS[urlName as keyof typeof ENUM_PANELS];
  if (!panel) notFound();
  const db = getDb();
  const field = VALUE_LISTS[panel.list].field;
  const [values, counts, defaults] = await Promise.all([
    listEnumValues({ db, list: panel.list }),
    countTicketsByValue({ db, field }),
    loadTicketDefaults({ db }),
  ]);
  if (path?.length) {
    const name = decodePageSegments(path).join('/');
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
