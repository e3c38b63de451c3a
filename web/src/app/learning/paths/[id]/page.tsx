import { notFound } from 'next/navigation';
import { z } from 'zod';
import { requirePermission } from '@/core/auth/current-user';
import { PathScreen } from '@/features/learning/ui/learner/path-screen';

export const metadata = { title: 'Learning path' };

type Props = { params: Promise<{ id: string }> };

export default async function PathPage({ params }: Props) {
  const { id } = await params;
  await requirePermission('LEARNING_VIEW', `/learning/paths/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  return <PathScreen pathId={id} />;
}
