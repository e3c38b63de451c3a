import { z } from '@hono/zod-openapi';
import type { AuthUser } from '../../auth/user.js';
import { ApiError } from '../../errors/api-error.js';
import { getPath } from './get-path.js';
import { invalidateScopes, pathGraphScope } from './path-cache.js';
import type { PathView } from './path-view.js';
import { findEditablePath, type PathWriteDeps } from './path-writes.js';

export const ChangePathInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(10_000).optional(),
    targetRetention: z.number().min(0.7).max(0.99).optional().openapi({
      description: 'Recall probability that spaced review aims for',
    }),
    status: z.enum(['published', 'archived']).optional().openapi({
      description:
        'published: open a draft to learners; archived: close the path, keeping its history',
    }),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: 'Give at least one field to change',
  })
  .openapi('ChangePathInput');
export type ChangePathInput = z.input<typeof ChangePathInputSchema>;

/**
 * Renames, describes, retunes, publishes or archives a path. A draft is published once;
 * an archived path is kept as it was.
 */
export async function changePath({
  deps,
  viewer,
  pathId,
  input: raw,
}: {
  deps: PathWriteDeps;
  viewer: AuthUser;
  pathId: string;
  input: ChangePathInput;
}): Promise<PathView> {
  const input = ChangePathInputSchema.parse(raw);
  await findEditablePath(deps, { viewer, pathId });
  await deps.db.$transaction(async (tx) => {
    // Two instructors publishing and archiving at once: the last one decides, never a mix.
    const [row] = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text FROM learning.paths WHERE id = ${pathId}::uuid FOR UPDATE`;
    if (row?.status === 'archived') {
      throw new ApiError('CONFLICT', `Path ${pathId} is archived: it is kept as it was`);
    }
    await tx.path.update({
      where: { id: pathId },
      data: {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.targetRetention !== undefined ? { targetRetention: input.targetRetention } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
      },
    });
  });
  await invalidateScopes(deps, [pathGraphScope(pathId)]);
  return getPath({ deps, viewer, pathId });
}
