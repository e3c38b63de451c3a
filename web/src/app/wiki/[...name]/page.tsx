import { requirePermission } from '@/core/auth/current-user';
import { WikiPageView } from '@/features/wiki/wiki-page-view';

type Props = { params: Promise<{ name: string[] }> };

export async function generateMetadata({ params }: Props) {
  const { name } = await params;
  return { title: name.map(decodeURIComponent).join('/') };
}

export default async function WikiPage({ params }: Props) {
  const { name } = await params;
  const pageName = name.map(decodeURIComponent).join('/');
  await requirePermission('WIKI_VIEW', `/wiki/${name.join('/')}`);
  return <WikiPageView name={pageName} />;
}
