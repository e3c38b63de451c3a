import { getViewer } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import {
  ATTACHMENT_CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
} from '@/core/security/security-headers';
import { canUseAttachments } from '@/features/attachment/attachment-permissions';
import { getAttachmentStorage } from '@/features/attachment/attachment-services';
import { contentTypeOf } from '@/features/attachment/content-type';
import { getAttachment } from '@/features/attachment/list-attachments';
import { parseAttachmentPath } from '@/features/attachment/parse-attachment-path';

// Whatever a file holds, it may not run script, load anything or be sniffed into another type.
const FILE_HEADERS = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': ATTACHMENT_CONTENT_SECURITY_POLICY,
};

function refuse(status: number, message: string) {
  return new Response(message, {
    status,
    headers: { ...FILE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** The file itself. Only images and plain text show inline; everything else downloads. */
export async function respondWithAttachmentFile({ path }: { path: string[] }): Promise<Response> {
  const key = parseAttachmentPath(path);
  if (!key) return refuse(404, 'Not found');
  const viewer = await getViewer();
  if (!canUseAttachments(viewer, key.realm, 'view')) {
    return refuse(viewer.user ? 403 : 401, 'Forbidden');
  }
  const info = await getAttachment({ db: getDb(), ...key });
  const data = info ? await getAttachmentStorage().read(key) : null;
  if (!info || !data) return refuse(404, 'Not found');
  const { type, inline } = contentTypeOf(key.filename);
  const disposition = `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(key.filename)}`;
  return new Response(Buffer.from(data), {
    headers: {
      ...FILE_HEADERS,
      'Content-Type': type,
      'Content-Disposition': disposition,
      'Content-Length': String(data.byteLength),
    },
  });
}
