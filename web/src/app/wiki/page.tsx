import { requirePermission } from '@/core/auth/current-user';
import { WikiPageView } from '@/features/wiki/wiki-page-view';

export const metadata = { title: 'WikiStart' };

export default async function WikiStartPage() {
  await requirePermission('WIKI_VIEW', '/wiki');
  return <WikiPageView name="WikiStart" />;
}
