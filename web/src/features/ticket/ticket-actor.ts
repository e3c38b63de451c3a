import type { Viewer } from '@/core/feature';

/** Who acts on a ticket: the name Trac records (reporter, author, owner) and what they may do. */
export interface TicketActor {
  /** `null` for an anonymous visitor. */
  name: string | null;
  permissions: ReadonlySet<string>;
}

/** The name written into ticket rows is the user name (Cognito's), as Trac records user names. */
export function actorFromViewer(
  viewer: Viewer & { user: { username: string } | null },
): TicketActor {
  return {
    name: viewer.user?.username || null,
    permissions: viewer.permissions,
  };
}
