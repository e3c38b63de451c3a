import { requirePermission } from '@/core/auth/current-user';
import { ReviewScreen } from '@/features/learning/ui/learner/review-screen';

export const metadata = { title: 'Review session' };

export default async function ReviewPage() {
  await requirePermission('LEARNING_ANSWER', '/learning/review');
  return <ReviewScreen />;
}
