import { features } from '@/composition/registry';
import { decodePageSegments } from '@/core/routing/page-segments';
import { WikiScreen, type WikiSearchParams } from '@/features/wiki/ui/wiki-screen';
import { editWikiPageAction } from '../actions';

type Props = { params: Promise<{ name: string[] }>; searchParams: Promise<WikiSearchParams> };

export async function generateMetadata({ params }: Props) {
  return { title: (await params).name.join('/') };
}

export default async function WikiPage({ params, searchParams }: Props) {
  const name = decodePageSegments((await params).name).join('/');
  return (
    <WikiScreen
      name={name}
      params={await searchParams}
      features={features}
      editAction={editWikiPageAction}
    />
  );
}
