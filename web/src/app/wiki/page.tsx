import { features } from '@/composition/registry';
import { WikiScreen, type WikiSearchParams } from '@/features/wiki/ui/wiki-screen';
import { editWikiPageAction } from './actions';

export const metadata = { title: 'WikiStart' };

export default async function WikiStartPage({
  searchParams,
}: {
  searchParams: Promise<WikiSearchParams>;
}) {
  return (
    <WikiScreen
      name="WikiStart"
      params={await searchParams}
      features={features}
      editAction={editWikiPageAction}
    />
  );
}
