import { requirePermission } from '@/core/auth/current-user';
import { ClassProgressScreen } from '@/features/learning/ui/instructor/class/class-progress-screen';

export const metadata = { title: 'Class progress – Learning' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ learner?: string | string[] }>;
};

export default async function ClassProgressPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePermission('LEARNING_MANAGE', `/learning/paths/${id}/class`);
  const { learner } = await searchParams;
  return <ClassProgressScreen id={id} learner={Array.isArray(learner) ? learner[0] : learner} />;
}
