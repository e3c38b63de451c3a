import { requirePermission } from '@/core/auth/current-user';
import { ProgressScreen } from '@/features/learning/learner/progress-screen';

export const metadata = { title: 'My progress' };

export default async function ProgressPage() {
  await requirePermission('LEARNING_VIEW', '/learning/progress');
  return <ProgressScreen />;
}
