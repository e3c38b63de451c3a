import type { AttachmentRealm } from './attachment-permissions';

/** The page an attachment belongs to: its ticket, or its wiki page (each name part encoded). */
export function attachmentParentHref(realm: AttachmentRealm, id: string): string {
  return realm === 'ticket'
    ? `/ticket/${encodeURIComponent(id)}`
    : `/wiki/${id.split('/').map(encodeURIComponent).join('/')}`;
}
