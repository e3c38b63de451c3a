import type { Database } from '../adapters/database/database.js';
import type { AuthUser } from '../auth/user.js';
import { ApiError } from '../errors/api-error.js';
import { type PathView, toPathView } from './path-view.js';

export interface ListPathsInput {
  db: Database;
  viewer: AuthUser;
  limit: number;
  offset: number;
}

/** Newest first. Drafts are visible to those who may see drafts (instructors, admins). */
export async function listPaths({
  db,
  viewer,
  limit,
  offset,
}: ListPathsInput): Promise<PathView[]> {
  if (!viewer.permissions.includes('PATH_VIEW')) {
    throw new ApiError('FORBIDDEN', 'This needs the PATH_VIEW permission');
  }
  const seesDrafts = viewer.permissions.includes('PATH_VIEW_DRAFT');
  const rows = await db.path.findMany({
    where: seesDrafts ? {} : { status: 'published' },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: limit,
    skip: offset,
  });
  return rows.map(toPathView);
}
