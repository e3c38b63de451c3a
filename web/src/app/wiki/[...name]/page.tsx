import { WikiScreen, type WikiSearchParams } from '@/features/wiki/components/wiki-screen';

type Props = { params: Promise<{ name: string[] }>; searchParams: Promise<WikiSearchParams> };

const pageName = (parts: string[]) => parts.map(decodeURIComponent).join('/');

export async function generateMetadata({ params }: Props) {
  return { title: pageName((await params).name) };
}

export default async function WikiPage({ params, searchParams }: Props) {
  return <WikiScreen name={pageName((await params).name)} params={await searchParams} />;
}
