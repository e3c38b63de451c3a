import type { Prisma } from '@learntrac/db';
import type { Database } from '../../adapters/database/database.js';
import type { AuthUser } from '../../auth/user.js';
import { userCan } from '../../auth/user-can.js';
import { ApiError } from '../../errors/api-error.js';

/** Reviewers (instructors, admins) see every question with its answer; learners do not. */
export function canReviewQuestions(user: AuthUser): boolean {
  return userCan(user, 'LEARNING_REVIEW');
}

/** The paths a learner learns from: published shared paths and their own personal paths. */
export function learnerPaths(viewer: AuthUser): Prisma.PathWhereInput {
  return {
    OR: [
      { kind: 'shared', status: 'published' },
      { kind: 'personal', cognitoUserId: viewer.sub },
    ],
  };
}

/** Where a concept the viewer may see is found: reviewers see all, learners their paths'. */
export function visibleConcepts(viewer: AuthUser): Prisma.ConceptMetadataWhereInput {
  return canReviewQuestions(viewer) ? {} : { path: learnerPaths(viewer) };
}

export interface VisibleConcept {
  ticketId: number;
  concept: string;
  /** The chunks of material the concept was drawn from, in path order. */
  chunkIds: string[];
  /** On a shared path its questions are reviewed before learners see them. */
  onSharedPath: boolean;
  /** The viewer's own personal path holds it: they may have questions written for it. */
  onViewersPersonalPath: boolean;
}

/** The concept, or 404 when it does not exist or the viewer may not see it. */
export async function findVisibleConcept({
  db,
  viewer,
  ticketId,
}: {
  db: Database;
  viewer: AuthUser;
  ticketId: number;
}): Promise<VisibleConcept> {
  const rows = await db.conceptMetadata.findMany({
    where: { ticketId },
    select: {
      concept: true,
      chunkId: true,
      path: { select: { kind: true, status: true, cognitoUserId: true } },
    },
    orderBy: [{ sequenceOrder: 'asc' }, { id: 'asc' }],
  });
  const ownsPath = (path: (typeof rows)[number]['path']) =>
    path.kind === 'personal' && path.cognitoUserId === viewer.sub;
  const visible = canReviewQuestions(viewer)
    ? rows
    : rows.filter(
        ({ path }) => ownsPath(path) || (path.kind === 'shared' && path.status === 'published'),
      );
  if (visible.length === 0) throw new ApiError('NOT_FOUND', `No concept #${ticketId}`);
  const chunkIds = [...new Set(rows.flatMap((row) => (row.chunkId === null ? [] : [row.chunkId])))];
  return {
    ticketId,
    concept: visible[0]!.concept,
    chunkIds,
    onSharedPath: rows.some(({ path }) => path.kind === 'shared'),
    onViewersPersonalPath: rows.some(({ path }) => ownsPath(path)),
  };
}

/**
 * Who may have questions written for a concept: reviewers, and a learner for the concepts of
 * their own personal path. Questions of a concept on a shared path wait for review; those of
 * personal paths alone have no reviewer and are ready at once.
 */
export function reviewStatusOfNewQuestions(
  viewer: AuthUser,
  concept: VisibleConcept,
): 'pending' | 'approved' {
  if (!canReviewQuestions(viewer) && !concept.onViewersPersonalPath) {
    throw new ApiError(
      'FORBIDDEN',
      'Writing questions for a shared path needs the LEARNING_REVIEW permission',
    );
  }
  return concept.onSharedPath ? 'pending' : 'approved';
}
