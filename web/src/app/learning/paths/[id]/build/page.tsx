import { requirePermission } from '@/core/auth/current-user';
import { BuildPathScreen } from '@/features/learning/ui/instructor/paths/build-path-screen';

export const metadata = { title: 'Review a path – Learning' };

type Props = { params: Promise<{ id: string }> };

export default async function BuildPathPage({ params }: Props) {
  const { id } = await params;
  await requirePermission('LEARNING_MANAGE', `/learning/paths/${id}/build`);
  return <BuildPathScreen id={id} />;
}
