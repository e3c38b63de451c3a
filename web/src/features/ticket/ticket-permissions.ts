import type { Permission } from '@/core/auth/roles';
import { permissionError } from '@/core/errors/app-error';
import type { Viewer } from '@/core/feature';

// Trac's meta-permissions: holding the key grants each listed permission too.
const IMPLIES: Record<string, readonly string[]> = {
  TICKET_ADMIN: [
    'TICKET_CREATE',
    'TICKET_MODIFY',
    'TICKET_VIEW',
    'TICKET_EDIT_CC',
    'TICKET_EDIT_DESCRIPTION',
    'TICKET_EDIT_COMMENT',
    'TICKET_BATCH_MODIFY',
  ],
  TICKET_MODIFY: ['TICKET_APPEND', 'TICKET_CHGPROP'],
};

/** Whether the actor holds `permission`, directly or through TRAC_ADMIN and Trac's implications. */
export function hasTicketPermission(actor: Viewer, permission: string): boolean {
  if (actor.permissions.has('TRAC_ADMIN')) return true;
  const seen = new Set<string>();
  const pending: string[] = [...actor.permissions];
  while (pending.length > 0) {
    const held = pending.pop()!;
    if (held === permission) return true;
    if (seen.has(held)) continue;
    seen.add(held);
    pending.push(...(IMPLIES[held] ?? []));
  }
  return false;
}

export function assertTicketPermission(actor: Viewer, permission: Permission, doing: string) {
  if (!hasTicketPermission(actor, permission)) {
    throw permissionError(permission, `${permission} is needed to ${doing}.`);
  }
}

/** Fields changed only through the workflow (status, owner, resolution) or by admins. */
const WORKFLOW_FIELDS = new Set(['status', 'owner', 'resolution']);

/**
 * Whether the actor may change a property directly, as Trac's default ticket policy decides:
 * TICKET_CHGPROP for properties, TICKET_EDIT_DESCRIPTION for the description, the reporter for
 * their own ticket's summary and description, TICKET_ADMIN for the reporter field.
 */
export function mayChangeField(options: {
  actor: Viewer;
  field: string;
  reporter: string | null;
}): boolean {
  const { actor, field, reporter } = options;
  if (WORKFLOW_FIELDS.has(field)) return false;
  if (field === 'reporter') return hasTicketPermission(actor, 'TICKET_ADMIN');
  const ownTicket =
    actor.name !== null && actor.name === reporter && hasTicketPermission(actor, 'TICKET_APPEND');
  if (field === 'description') {
    return ownTicket || hasTicketPermission(actor, 'TICKET_EDIT_DESCRIPTION');
  }
  if (field === 'summary' && ownTicket) return true;
  if (field === 'cc' && hasTicketPermission(actor, 'TICKET_EDIT_CC')) return true;
  return hasTicketPermission(actor, 'TICKET_CHGPROP');
}

/**
 * Trac's Cc rule for those who may not edit the field: a signed-in user who may comment can
 * add or remove themselves (the "Add to Cc" box).
 */
export function mayToggleOwnCc(actor: Viewer): boolean {
  return actor.name !== null && hasTicketPermission(actor, 'TICKET_APPEND');
}
