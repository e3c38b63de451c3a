import { requirePermission } from '@/core/auth/current-user';
import { NewPathScreen } from '@/features/learning/ui/learner/new-path-screen';

export const metadata = { title: 'Learn something new' };

export default async function NewPathPage() {
  await requirePermission('LEARNING_ANSWER', '/learning/new');
  return <NewPathScreen />;
}
