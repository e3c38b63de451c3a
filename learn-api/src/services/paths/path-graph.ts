import { z } from 'zod';
import type { Database } from '../../adapters/database/database.js';
import type { AuthUser } from '../../auth/user.js';
import { pathNotFound, seesPath } from './path-access.js';
import { type CacheDeps, pathGraphScope, readThrough } from './path-cache.js';
import {
  type ConceptNode,
  type ConceptSource,
  type PathSummary,
  toPathSummary,
} from './path-view.js';

export interface PathGraph {
  path: PathSummary;
  concepts: ConceptNode[];
}

export interface PathGraphDeps extends CacheDeps {
  db: Database;
}

// What createPath records about a concept's source; older rows may hold less.
const ConceptContextSchema = z.object({
  documentId: z.string(),
  documentTitle: z.string(),
  headingPath: z.array(z.string()),
  pageStart: z.number().int().nullable(),
  pageEnd: z.number().int().nullable(),
});

/** The path with its concepts in order and their prerequisite edges; null when there is none. */
export function loadPathGraph(deps: PathGraphDeps, pathId: string): Promise<PathGraph | null> {
  return readThrough(deps, pathGraphScope(pathId), async () => {
    const row = await deps.db.path.findUnique({
      where: { id: pathId },
      include: {
        concepts: {
          orderBy: [{ sequenceOrder: 'asc' }, { ticketId: 'asc' }],
          include: {
            ticket: {
              select: {
                summary: true,
                prerequisites: {
                  select: { prerequisiteId: true },
                  orderBy: { prerequisiteId: 'asc' },
                },
              },
            },
          },
        },
      },
    });
    if (!row) return null;
    return {
      path: toPathSummary(row),
      concepts: row.concepts.map((concept, index) => ({
        ticketId: concept.ticketId,
        concept: concept.ticket.summary || concept.concept,
        sequence: index + 1,
        difficulty: concept.difficulty,
        masteryThreshold: concept.masteryThreshold,
        prerequisites: concept.ticket.prerequisites.map((edge) => edge.prerequisiteId),
        source: sourceOf(concept.chunkId, concept.context),
      })),
    };
  });
}

function sourceOf(chunkId: string | null, context: unknown): ConceptSource | null {
  const parsed = ConceptContextSchema.safeParse(context);
  if (!chunkId || !parsed.success) return null;
  return { chunkId, ...parsed.data };
}

/** The graph of a path the viewer may see, or 404 (also for one they may not see). */
export async function findVisiblePath(
  deps: PathGraphDeps,
  { viewer, pathId }: { viewer: AuthUser; pathId: string },
): Promise<PathGraph> {
  const graph = await loadPathGraph(deps, pathId);
  if (!graph || !seesPath(viewer, graph.path)) throw pathNotFound(pathId);
  return graph;
}
