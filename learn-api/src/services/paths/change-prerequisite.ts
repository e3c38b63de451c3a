import { PrerequisiteCycleError } from '@learntrac/db/errors';
import { addPrerequisite, removePrerequisite } from '@learntrac/db/prerequisites';
import type { Database } from '../../adapters/database/database.js';
import type { AuthUser } from '../../auth/user.js';
import { ApiError } from '../../errors/api-error.js';
import { getPath } from './get-path.js';
import type { PathView } from './path-view.js';
import {
  assertOnPath,
  findEditablePath,
  forgetPathsOfTickets,
  type PathWriteDeps,
} from './path-writes.js';

export interface ChangePrerequisiteInput {
  deps: PathWriteDeps;
  viewer: AuthUser;
  pathId: string;
  /** The concept that needs the prerequisite first. */
  ticketId: number;
  prerequisiteId: number;
}

/**
 * Makes one concept of a path need another first. Refused with 409 when it would close a
 * cycle, naming the cycle (`#12 -> #15 -> #12`: #12 needs #15, which needs #12).
 */
export async function addPathPrerequisite(input: ChangePrerequisiteInput): Promise<PathView> {
  const { deps, viewer, pathId, ticketId, prerequisiteId } = input;
  const graph = await findEditablePath(deps, { viewer, pathId });
  assertOnPath(graph, ticketId);
  assertOnPath(graph, prerequisiteId);
  try {
    await addPrerequisite({ db: deps.db, ticketId, prerequisiteId });
  } catch (error) {
    if (!(error instanceof PrerequisiteCycleError)) throw error;
    const cycle = await findCycle(deps.db, ticketId, prerequisiteId);
    throw new ApiError(
      'CONFLICT',
      `#${prerequisiteId} cannot be a prerequisite of #${ticketId}: it would close the cycle ${cycle
        .map((id) => `#${id}`)
        .join(' -> ')}`,
      { cause: error },
    );
  }
  await forgetPathsOfTickets(deps, [ticketId]);
  return getPath({ deps, viewer, pathId });
}

export async function removePathPrerequisite(input: ChangePrerequisiteInput): Promise<PathView> {
  const { deps, viewer, pathId, ticketId, prerequisiteId } = input;
  const graph = await findEditablePath(deps, { viewer, pathId });
  assertOnPath(graph, ticketId);
  const removed = await removePrerequisite({ db: deps.db, ticketId, prerequisiteId });
  if (!removed) {
    throw new ApiError('NOT_FOUND', `#${ticketId} does not need #${prerequisiteId}`);
  }
  await forgetPathsOfTickets(deps, [ticketId]);
  return getPath({ deps, viewer, pathId });
}

/**
 * The cycle the edge ticket -> prerequisite would close: the ticket, then the shortest chain
 * of existing prerequisites leading from the prerequisite back to the ticket.
 */
async function findCycle(
  db: Database,
  ticketId: number,
  prerequisiteId: number,
): Promise<number[]> {
  if (ticketId === prerequisiteId) return [ticketId, ticketId];
  const edges = await db.$queryRaw<{ ticket_id: number; prerequisite_id: number }[]>`
    WITH RECURSIVE walk(ticket_id, prerequisite_id) AS (
      SELECT ticket_id, prerequisite_id FROM learning.prerequisites WHERE ticket_id = ${prerequisiteId}
      UNION
      SELECT p.ticket_id, p.prerequisite_id FROM learning.prerequisites p
      JOIN walk w ON p.ticket_id = w.prerequisite_id
    )
    SELECT ticket_id, prerequisite_id FROM walk ORDER BY ticket_id, prerequisite_id`;
  const next = new Map<number, number[]>();
  for (const edge of edges) {
    next.set(edge.ticket_id, [...(next.get(edge.ticket_id) ?? []), edge.prerequisite_id]);
  }
  const cameFrom = new Map<number, number>([[prerequisiteId, prerequisiteId]]);
  const queue = [prerequisiteId];
  while (queue.length > 0 && !cameFrom.has(ticketId)) {
    const at = queue.shift()!;
    for (const to of next.get(at) ?? []) {
      if (cameFrom.has(to)) continue;
      cameFrom.set(to, at);
      queue.push(to);
    }
  }
  // Someone removed an edge of the cycle meanwhile: name the edge that was refused.
  if (!cameFrom.has(ticketId)) return [ticketId, prerequisiteId, ticketId];
  const chain = [ticketId];
  for (let at = ticketId; at !== prerequisiteId; at = cameFrom.get(at)!)
    chain.push(cameFrom.get(at)!);
  return [ticketId, ...chain.reverse()];
}
