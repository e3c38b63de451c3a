import { requirePermission } from '@/core/auth/current-user';
import { DashboardScreen } from '@/features/learning/ui/learner/dashboard-screen';

export const metadata = { title: 'Learning' };

export default async function LearningPage() {
  const viewer = await requirePermission('LEARNING_VIEW', '/learning');
  return <DashboardScreen viewer={viewer} />;
}
