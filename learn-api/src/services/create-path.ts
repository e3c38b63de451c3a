import { z } from '@hono/zod-openapi';
import type { Database } from '../adapters/database/database.js';
import type { AuthUser } from '../auth/user.js';
import { assertUserCan } from '../auth/user-can.js';
import { PathStatusSchema, type PathView, toPathView } from './path-view.js';

export const CreatePathInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(10_000).default(''),
    query: z.string().max(2_000).default(''),
    status: PathStatusSchema.default('draft'),
  })
  .openapi('CreatePathInput');
export type CreatePathInput = z.infer<typeof CreatePathInputSchema>;

export interface CreatePathOptions {
  db: Database;
  author: AuthUser;
  input: z.input<typeof CreatePathInputSchema>;
}

export async function createPath({ db, author, input: raw }: CreatePathOptions): Promise<PathView> {
  const input = CreatePathInputSchema.parse(raw);
  assertUserCan(author, 'LEARNING_MANAGE');
  const row = await db.path.create({
    data: {
      cognitoUserId: author.sub,
      title: input.title,
      description: input.description,
      query: input.query,
      status: input.status,
    },
  });
  return toPathView(row);
}
