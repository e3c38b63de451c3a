import { notFound } from 'next/navigation';
import { adminPanelHref, findAdminPanel } from '@/composition/admin-panels';
import { requirePermission } from '@/core/auth/current-user';
import { decodePageSegments } from '@/core/routing/page-segments';

type Props = { params: Promise<{ category: string; panel: string; path?: string[] }> };

export async function generateMetadata({ params }: Props) {
  const { category, panel } = await params;
  return { title: `${findAdminPanel(category, panel)?.label ?? 'Admin'} – Admin` };
}

/** One admin panel, from whichever feature provides it. */
export default async function AdminPanelPage({ params }: Props) {
  const { category, panel: id, path = [] } = await params;
  const panel = findAdminPanel(category, id);
  if (!panel || (path.length > 0 && !panel.itemPages)) notFound();
  await requirePermission(panel.permission, adminPanelHref(panel));
  return panel.screen({ path: decodePageSegments(path) });
}
