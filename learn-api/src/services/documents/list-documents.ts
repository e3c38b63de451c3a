import type { Database } from '../../adapters/database/database.js';
import type { AuthUser } from '../../auth/user.js';
import { type DocumentView, toDocumentView } from './document-view.js';
import { seesUnpublishedMaterial } from './material-access.js';

/** Newest first; learners see published, indexed material only. */
export async function listDocuments({
  db,
  viewer,
  limit,
  offset,
}: {
  db: Database;
  viewer: AuthUser;
  limit: number;
  offset: number;
}): Promise<{ documents: DocumentView[]; total: number }> {
  const where = seesUnpublishedMaterial(viewer)
    ? {}
    : { published: true, status: 'indexed' as const };
  const [rows, total] = await Promise.all([
    db.document.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: limit,
      skip: offset,
    }),
    db.document.count({ where }),
  ]);
  return { documents: rows.map(toDocumentView), total };
}
