import type { AuthUser } from '../../auth/user.js';
import { type LearnerProgressDeps, loadLearnerProgress } from './learner-progress.js';
import { seesPath } from './path-access.js';
import { type ConceptStanding, type PathKind, toPathSummary } from './path-view.js';

export interface ConceptProgressEntry extends ConceptStanding {
  ticketId: number;
  concept: string;
}

export interface PathProgressSummary {
  id: string;
  title: string;
  kind: PathKind;
  concepts: number;
  mastered: number;
  /** Begun but not mastered: in progress or completed. */
  started: number;
}

export interface OwnProgress {
  concepts: ConceptProgressEntry[];
  paths: PathProgressSummary[];
}

/** The viewer's standing on every concept they worked on, and per path they can see. */
export async function getOwnProgress({
  deps,
  viewer,
}: {
  deps: LearnerProgressDeps;
  viewer: AuthUser;
}): Promise<OwnProgress> {
  const progress = await loadLearnerProgress(deps, viewer.sub);
  const ticketIds = Object.keys(progress).map(Number);
  const [tickets, paths] = await Promise.all([
    deps.db.ticket.findMany({
      where: { id: { in: ticketIds } },
      select: { id: true, summary: true },
      orderBy: { id: 'asc' },
    }),
    deps.db.path.findMany({
      where: {
        OR: [
          { concepts: { some: { ticketId: { in: ticketIds } } } },
          { kind: 'personal', cognitoUserId: viewer.sub },
        ],
      },
      include: { concepts: { select: { ticketId: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    }),
  ]);
  return {
    concepts: tickets.map((ticket) => ({
      ticketId: ticket.id,
      concept: ticket.summary ?? '',
      ...progress[ticket.id]!,
    })),
    paths: paths
      .filter((path) => seesPath(viewer, toPathSummary(path)))
      .map((path) => {
        const statuses = path.concepts.map((concept) => progress[concept.ticketId]?.status);
        return {
          id: path.id,
          title: path.title,
          kind: path.kind,
          concepts: path.concepts.length,
          mastered: statuses.filter((status) => status === 'mastered').length,
          started: statuses.filter((status) => status === 'in_progress' || status === 'completed')
            .length,
        };
      }),
  };
}
