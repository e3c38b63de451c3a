import type { DbOrTransaction } from '@learntrac/db';
import { defaultTargetRetention } from './schedule-review.js';

/** The retention a concept's reviews aim for: the strictest of its paths' targets. */
export async function findTargetRetention({
  db,
  ticketId,
}: {
  db: DbOrTransaction;
  ticketId: number;
}): Promise<number> {
  const memberships = await db.conceptMetadata.findMany({
    where: { ticketId },
    select: { path: { select: { targetRetention: true } } },
  });
  return memberships.length > 0
    ? Math.max(...memberships.map((membership) => membership.path.targetRetention))
    : defaultTargetRetention;
}
