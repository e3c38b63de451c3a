import type { Database } from '../../adapters/database/database.js';
import type { AuthUser } from '../../auth/user.js';
import { ApiError } from '../../errors/api-error.js';
import { assertEditable } from './path-access.js';
import { type CacheDeps, invalidateScopes, pathGraphScope } from './path-cache.js';
import { findVisiblePath, type PathGraph } from './path-graph.js';

export interface PathWriteDeps extends CacheDeps {
  db: Database;
}

/** The path the viewer may see (else 404) and change (else 403; archived 409). */
export async function findEditablePath(
  deps: PathWriteDeps,
  { viewer, pathId }: { viewer: AuthUser; pathId: string },
): Promise<PathGraph> {
  const graph = await findVisiblePath(deps, { viewer, pathId });
  assertEditable(viewer, graph.path);
  return graph;
}

export function assertOnPath(graph: PathGraph, ticketId: number): void {
  if (!graph.concepts.some((concept) => concept.ticketId === ticketId)) {
    throw new ApiError('NOT_FOUND', `Concept #${ticketId} is not on path ${graph.path.id}`);
  }
}

/** After a write to these concept tickets: every path showing them loads afresh. */
export async function forgetPathsOfTickets(
  deps: PathWriteDeps,
  ticketIds: readonly number[],
): Promise<void> {
  const memberships = await deps.db.conceptMetadata.findMany({
    where: { ticketId: { in: [...ticketIds] } },
    select: { pathId: true },
    distinct: ['pathId'],
  });
  await invalidateScopes(
    deps,
    memberships.map((membership) => pathGraphScope(membership.pathId)),
  );
}
