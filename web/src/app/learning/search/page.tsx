import { requirePermission } from '@/core/auth/current-user';
import { SearchScreen } from '@/features/learning/ui/instructor/search/search-screen';

export const metadata = { title: 'Search the material – Learning' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MaterialSearchPage({ searchParams }: Props) {
  await requirePermission('LEARNING_MANAGE', '/learning/search');
  return <SearchScreen params={await searchParams} />;
}
