import type { Prisma } from '@learntrac/db';
import type { Database } from '../../adapters/database/database.js';
import type { AuthUser } from '../../auth/user.js';
import { userCan } from '../../auth/user-can.js';
import { ApiError } from '../../errors/api-error.js';

/** Reviewers (instructors, admins) see every question with its answer; learners do not. */
export function canReviewQuestions(user: AuthUser): boolean {
  return userCan(user, 'LEARNING_REVIEW');
}

/** The paths a learner may learn from: published ones and their own. */
export function learnerPaths(viewer: AuthUser): Prisma.PathWhereInput {
  return { OR: [{ status: 'published' }, { cognitoUserId: viewer.sub }] };
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
    where: { ticketId, ...visibleConcepts(viewer) },
    select: { concept: true, chunkId: true },
    orderBy: [{ sequenceOrder: 'asc' }, { id: 'asc' }],
  });
  if (rows.length === 0) throw new ApiError('NOT_FOUND', `No concept #${ticketId}`);
  const chunkIds = [...new Set(rows.flatMap((row) => (row.chunkId === null ? [] : [row.chunkId])))];
  return { ticketId, concept: rows[0]!.concept, chunkIds };
}
