import type { Permission } from '@/core/auth/roles';
import type { Viewer } from '@/core/feature';
import { WikiPermissionError } from '../wiki-errors';

export type AttachmentRealm = 'wiki' | 'ticket';

/**
 * Trac's rules (its legacy attachment policy): wiki attachments follow the page's permissions;
 * on a ticket, whoever may comment may attach, and only a ticket admin may delete.
 */
const PERMISSIONS: Record<AttachmentRealm, Record<'view' | 'create' | 'delete', Permission>> = {
  wiki: { view: 'WIKI_VIEW', create: 'WIKI_MODIFY', delete: 'WIKI_DELETE' },
  ticket: { view: 'TICKET_VIEW', create: 'TICKET_APPEND', delete: 'TICKET_ADMIN' },
};

export function attachmentPermission(realm: AttachmentRealm, action: 'view' | 'create' | 'delete') {
  return PERMISSIONS[realm][action];
}

export function canUseAttachments(
  viewer: Viewer,
  realm: AttachmentRealm,
  action: 'view' | 'create' | 'delete',
): boolean {
  const permission = attachmentPermission(realm, action);
  return (
    viewer.permissions.has(permission) || (realm === 'wiki' && viewer.permissions.has('WIKI_ADMIN'))
  );
}

export function assertAttachmentPermission(
  viewer: Viewer,
  realm: AttachmentRealm,
  action: 'view' | 'create' | 'delete',
) {
  if (!canUseAttachments(viewer, realm, action)) {
    throw new WikiPermissionError(attachmentPermission(realm, action), `${action} attachments`);
  }
}
