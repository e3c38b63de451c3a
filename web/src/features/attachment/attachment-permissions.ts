import type { Permission } from '@/core/auth/roles';
import { sql, type Transaction } from '@/core/db';
import { AppError, permissionError } from '@/core/errors/app-error';
import type { Viewer } from '@/core/feature';

export type AttachmentRealm = 'wiki' | 'ticket';
type AttachmentAction = 'view' | 'create' | 'delete';

/**
 * Trac's rules (its legacy attachment policy): wiki attachments follow the page's permissions;
 * on a ticket, whoever may comment may attach, and only a ticket admin may delete.
 */
const PERMISSIONS: Record<AttachmentRealm, Record<AttachmentAction, Permission>> = {
  wiki: { view: 'WIKI_VIEW', create: 'WIKI_MODIFY', delete: 'WIKI_DELETE' },
  ticket: { view: 'TICKET_VIEW', create: 'TICKET_APPEND', delete: 'TICKET_ADMIN' },
};

export function attachmentPermission(realm: AttachmentRealm, action: AttachmentAction) {
  return PERMISSIONS[realm][action];
}

export function canUseAttachments(
  viewer: Viewer,
  realm: AttachmentRealm,
  action: AttachmentAction,
): boolean {
  const permission = attachmentPermission(realm, action);
  return (
    viewer.permissions.has(permission) || (realm === 'wiki' && viewer.permissions.has('WIKI_ADMIN'))
  );
}

export function assertAttachmentPermission(
  viewer: Viewer,
  realm: AttachmentRealm,
  action: AttachmentAction,
) {
  if (!canUseAttachments(viewer, realm, action)) {
    throw permissionError(
      attachmentPermission(realm, action),
      `${attachmentPermission(realm, action)} privileges are required to ${`${action} attachments`}.`,
    );
  }
}

/**
 * The one check before any change to a parent's attachments (adding, replacing, deleting):
 * the parent exists, the viewer holds the realm's permission for the change, and a read-only
 * wiki page takes WIKI_ADMIN, as editing its text does. Runs inside the write's transaction.
 */
export async function assertMayChangeAttachments(options: {
  tx: Transaction;
  viewer: Viewer;
  realm: AttachmentRealm;
  id: string;
  action: 'create' | 'delete';
}): Promise<void> {
  const { tx, viewer, realm, id, action } = options;
  assertAttachmentPermission(viewer, realm, action);
  const parent =
    realm === 'wiki'
      ? await tx.query<{ readonly: number | null }>(sql`
          SELECT readonly FROM wiki WHERE name = ${id} ORDER BY version DESC LIMIT 1`)
      : await tx.query<{ readonly: number | null }>(sql`
          SELECT 0 AS readonly FROM ticket WHERE id::text = ${id}`);
  if (!parent[0]) {
    throw new AppError(
      'NOT_FOUND',
      `${realm === 'wiki' ? 'The page' : 'Ticket'} ${id} does not exist.`,
    );
  }
  if (parent[0].readonly) {
    if (!viewer.permissions.has('WIKI_ADMIN')) {
      throw permissionError(
        'WIKI_ADMIN',
        `${'WIKI_ADMIN'} privileges are required to ${'change the attachments of a read-only page'}.`,
      );
    }
  }
}
