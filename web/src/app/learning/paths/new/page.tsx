import { requirePermission } from '@/core/auth/current-user';
import { NewPathScreen } from '@/features/learning/ui/instructor/paths/new-path-screen';

export const metadata = { title: 'Build a path – Learning' };

export default async function NewPathPage() {
  await requirePermission('LEARNING_MANAGE', '/learning/paths/new');
  return <NewPathScreen />;
}
