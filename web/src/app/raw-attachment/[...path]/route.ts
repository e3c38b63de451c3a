import { respondWithAttachmentFile } from '@/features/attachment/ui/attachment-file-response';

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return respondWithAttachmentFile({ path: (await params).path });
}
