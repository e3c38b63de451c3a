import type { Prisma } from '@learntrac/db';
import type { Database } from '../../adapters/database/database.js';
import type { AuthUser } from '../../auth/user.js';
import { managesPaths } from './path-access.js';
import { type PathKind, type PathStatus, type PathSummary, toPathSummary } from './path-view.js';

export interface ListPathsInput {
  db: Database;
  viewer: AuthUser;
  kind?: PathKind;
  status?: PathStatus;
  limit: number;
  offset: number;
}

/**
 * Newest first: the shared paths the viewer may see (managers all of them, learners the
 * published ones) and the viewer's own personal paths.
 */
export async function listPaths({
  db,
  viewer,
  kind,
  status,
  limit,
  offset,
}: ListPathsInput): Promise<PathSummary[]> {
  const shared: Prisma.PathWhereInput = managesPaths(viewer)
    ? { kind: 'shared' }
    : { kind: 'shared', status: 'published' };
  const own: Prisma.PathWhereInput = { kind: 'personal', cognitoUserId: viewer.sub };
  const visible = kind === 'shared' ? [shared] : kind === 'personal' ? [own] : [shared, own];
  const rows = await db.path.findMany({
    where: { OR: visible, ...(status ? { status } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: limit,
    skip: offset,
  });
  return rows.map(toPathSummary);
}
