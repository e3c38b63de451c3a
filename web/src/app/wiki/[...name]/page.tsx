import { WikiScreen, type WikiSearchParams } from '@/features/wiki/components/wiki-screen';

type Props = { params: Promise<{ name: string[] }>; searchParams: Promise<WikiSearchParams> };

// Next.js hands route parameters over decoded.
const pageName = (parts: string[]) => parts.join('/');

export async function generateMetadata({ params }: Props) {
  return { title: pageName((await params).name) };
}

export default async function WikiPage({ params, searchParams }: Props) {
  return <WikiScreen name={pageName((await params).name)} params={await searchParams} />;
}
