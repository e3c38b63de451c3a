import { requirePermission } from '@/core/auth/current-user';
import { DocumentScreen } from '@/features/learning/ui/instructor/library/document-screen';

export const metadata = { title: 'Document – Learning' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ confirm?: string | string[] }>;
};

export default async function DocumentPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePermission('LEARNING_MANAGE', `/learning/library/${id}`);
  const { confirm } = await searchParams;
  return <DocumentScreen id={id} confirmDelete={confirm === 'delete'} />;
}
