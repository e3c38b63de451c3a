import { z } from '@hono/zod-openapi';
import type { Database } from '../adapters/database/database.js';

export const PathStatusSchema = z.enum(['draft', 'published']).openapi('PathStatus');

type PathRow = Awaited<ReturnType<Database['path']['findFirstOrThrow']>>;

/** The API's view of a learning path row. */
export function toPathView(row: PathRow) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    query: row.query,
    status: row.status,
    ownerId: row.cognitoUserId,
    createdAt: row.createdAt.toISOString(),
  };
}
export type PathView = ReturnType<typeof toPathView>;
