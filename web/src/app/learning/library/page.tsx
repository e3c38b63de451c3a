import { requirePermission } from '@/core/auth/current-user';
import { LibraryScreen } from '@/features/learning/ui/instructor/library/library-screen';
import { UPLOAD_ROUTE } from '@/features/learning/upload-route';

export const metadata = { title: 'Material library – Learning' };

export default async function LibraryPage() {
  await requirePermission('LEARNING_MANAGE', '/learning/library');
  return <LibraryScreen uploadUrl={UPLOAD_ROUTE.url} maxBytes={UPLOAD_ROUTE.maxBytes()} />;
}
