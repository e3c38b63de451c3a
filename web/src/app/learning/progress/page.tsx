import { z } from 'zod';
import { requirePermission } from '@/core/auth/current-user';
import { ProgressScreen } from '@/features/learning/ui/learner/progress-screen';

export const metadata = { title: 'My progress' };

type Props = { searchParams: Promise<{ path?: string | string[] }> };

export default async function ProgressPage({ searchParams }: Props) {
  await requirePermission('LEARNING_VIEW', '/learning/progress');
  // A malformed path id shows every path rather than an error.
  const pathId = z.uuid().safeParse((await searchParams).path);
  return <ProgressScreen pathId={pathId.success ? pathId.data : undefined} />;
}
