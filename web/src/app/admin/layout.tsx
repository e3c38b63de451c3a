import type { ReactNode } from 'react';
import { requirePermission } from '@/core/auth/current-user';
import { AdminNav } from '@/features/admin/ui/admin-nav';
import '@/features/admin/ui/admin.css';

/** Every admin page needs TRAC_ADMIN: anonymous visitors sign in, others get 403. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePermission('TRAC_ADMIN', '/admin');
  return (
    <div className="admin-layout">
      <AdminNav />
      <div className="admin-panel">{children}</div>
    </div>
  );
}
