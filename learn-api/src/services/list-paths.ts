import type { Database } from '../adapters/database/database.js';
import type { AuthUser } from '../auth/user.js';
import { assertUserCan, userCan } from '../auth/user-can.js';
import { type PathView, toPathView } from './path-view.js';

export interface ListPathsInput {
  db: Database;
  viewer: AuthUser;
  limit: number;
  offset: number;
}

/** Newest first. Drafts are visible to those who manage paths (LEARNING_MANAGE). */
export async function listPaths({
  db,
  viewer,
  limit,
  offset,
}: ListPathsInput): Promise<PathView[]> {
  assertUserCan(viewer, 'LEARNING_VIEW');
  const seesDrafts = userCan(viewer, 'LEARNING_MANAGE');
  const rows = await db.path.findMany({
    where: seesDrafts ? {} : { status: 'published' },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: limit,
    skip: offset,
  });
  return rows.map(toPathView);
}
