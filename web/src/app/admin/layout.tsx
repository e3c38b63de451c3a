import type { ReactNode } from 'react';
import { adminPanelHref, adminPanels } from '@/composition/admin-panels';
import { requirePermission } from '@/core/auth/current-user';
import { AdminNav } from '@/features/admin/ui/admin-nav';
import '@/features/admin/ui/admin.css';

/** Every admin page needs TRAC_ADMIN: anonymous visitors sign in, others get 403. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePermission('TRAC_ADMIN', '/admin');
  const panels = adminPanels
    .filter((panel) => viewer.permissions.has(panel.permission))
    .map((panel) => ({
      category: panel.category.label,
      label: panel.label,
      href: adminPanelHref(panel),
    }));
  return (
    <div className="admin-layout">
      <AdminNav panels={panels} />
      <div className="admin-panel">{children}</div>
    </div>
  );
}
