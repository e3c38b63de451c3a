import type { Viewer } from '@/core/feature';

/** Who acts on a ticket: the name Trac records (reporter, author, owner) and what they may do. */
export interface TicketActor {
  /** `null` for an anonymous visitor. */
  name: string | null;
  permissions: ReadonlySet<string>;
}

/**
 * The name written into ticket rows for a signed-in user. Trac records user names; the sign-in
 * token carries the e-mail address, which is unique and readable, so it serves as the name.
 */
export function actorFromViewer(
  viewer: Viewer & { user: { id: string; email: string | null } | null },
): TicketActor {
  return {
    name: viewer.user ? viewer.user.email || viewer.user.id : null,
    permissions: viewer.permissions,
  };
}
