import { decodePageSegments } from '@/core/routing/page-segments';
import { AttachmentScreen } from '@/features/attachment/ui/attachment-screen';

type Props = {
  params: Promise<{ path: string[] }>;
  searchParams: Promise<{ action?: string | string[] }>;
};

export async function generateMetadata({ params }: Props) {
  const { path } = await params;
  return { title: `Attachment ${path.slice(1).join('/')}` };
}

export default async function AttachmentPage({ params, searchParams }: Props) {
  const { action } = await searchParams;
  return (
    <AttachmentScreen
      path={decodePageSegments((await params).path)}
      action={Array.isArray(action) ? action[0] : action}
    />
  );
}
