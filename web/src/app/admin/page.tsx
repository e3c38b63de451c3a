import { redirect } from 'next/navigation';
import { requirePermission } from '@/core/auth/current-user';

export const metadata = { title: 'Administration' };

/** Trac opens the admin on its first panel. */
export default async function AdminPage() {
  await requirePermission('TRAC_ADMIN', '/admin');
  redirect('/admin/general/perm');
}
