import { getViewer } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import { canUseAttachments } from '@/features/wiki/attachments/attachment-permissions';
import { contentTypeOf } from '@/features/wiki/attachments/content-type';
import { getAttachment } from '@/features/wiki/attachments/list-attachments';
import { parseAttachmentPath } from '@/features/wiki/attachments/parse-attachment-path';
import { getAttachmentStorage } from '@/features/wiki/wiki-services';

/** The file itself. Only images and plain text show inline; everything else downloads. */
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const key = parseAttachmentPath((await params).path);
  if (!key) return new Response('Not found', { status: 404 });
  const viewer = await getViewer();
  if (!canUseAttachments(viewer, key.realm, 'view')) {
    return new Response('Forbidden', { status: viewer.user ? 403 : 401 });
  }
  const info = await getAttachment({ db: getDb(), ...key });
  const data = info ? await getAttachmentStorage().read(key) : null;
  if (!info || !data) return new Response('Not found', { status: 404 });
  const { type, inline } = contentTypeOf(key.filename);
  const disposition = `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(key.filename)}`;
  return new Response(Buffer.from(data), {
    headers: {
      'Content-Type': type,
      'Content-Disposition': disposition,
      'Content-Length': String(data.byteLength),
      // Stops a crafted file from running script even when opened directly.
      'Content-Security-Policy':
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
