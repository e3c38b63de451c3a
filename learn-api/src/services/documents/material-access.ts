import type { Database } from '../../adapters/database/database.js';
import type { AuthUser } from '../../auth/user.js';
import { userCan } from '../../auth/user-can.js';
import { ApiError } from '../../errors/api-error.js';

/** Instructors see all material, drafts included; learners only what is published. */
export function seesUnpublishedMaterial(user: AuthUser): boolean {
  return userCan(user, 'LEARNING_INGEST') || userCan(user, 'LEARNING_MANAGE');
}

/** The document as the user may see it, or 404: an unpublished document does not exist for a learner. */
export async function findVisibleDocument({
  db,
  user,
  id,
}: {
  db: Database;
  user: AuthUser;
  id: string;
}) {
  const row = await db.document.findUnique({ where: { id } });
  if (!row || (!row.published && !seesUnpublishedMaterial(user))) {
    throw new ApiError('NOT_FOUND', `No document ${id}`);
  }
  return row;
}
