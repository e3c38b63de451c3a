import { z } from '@hono/zod-openapi';
import { changeTicket } from '@learntrac/db/tickets';
import type { AuthUser } from '../../auth/user.js';
import { getPath } from './get-path.js';
import type { PathView } from './path-view.js';
import {
  assertOnPath,
  findEditablePath,
  forgetPathsOfTickets,
  type PathWriteDeps,
} from './path-writes.js';

export const EditConceptInputSchema = z
  .object({
    concept: z.string().trim().min(1).max(255).optional().openapi({
      description: 'The concept’s name: its ticket’s summary',
    }),
    description: z.string().max(100_000).optional().openapi({
      description: 'The ticket’s description, in WikiFormatting',
    }),
    difficulty: z.number().int().min(1).max(5).optional(),
    masteryThreshold: z.number().min(0.5).max(1).optional(),
    comment: z.string().max(10_000).optional().openapi({
      description: 'Recorded with the change in the ticket’s history',
    }),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: 'Give at least one field to change',
  })
  .openapi('EditConceptInput');
export type EditConceptInput = z.input<typeof EditConceptInputSchema>;

/**
 * Changes a concept of a path. The ticket changes through the tracker's history (summary,
 * description, the difficulty and mastery threshold fields) and the path's metadata follows.
 */
export async function editConcept({
  deps,
  viewer,
  pathId,
  ticketId,
  input: raw,
}: {
  deps: PathWriteDeps;
  viewer: AuthUser;
  pathId: string;
  ticketId: number;
  input: EditConceptInput;
}): Promise<PathView> {
  const input = EditConceptInputSchema.parse(raw);
  const graph = await findEditablePath(deps, { viewer, pathId });
  assertOnPath(graph, ticketId);
  await deps.db.$transaction(async (tx) => {
    await changeTicket({
      db: tx,
      ticketId,
      author: viewer.username,
      changes: {
        ...(input.concept !== undefined ? { summary: input.concept } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
      },
      custom: {
        ...(input.difficulty !== undefined ? { difficulty: String(input.difficulty) } : {}),
        ...(input.masteryThreshold !== undefined
          ? { mastery_threshold: String(input.masteryThreshold) }
          : {}),
      },
      comment: input.comment ?? '',
    });
    await tx.conceptMetadata.update({
      where: { pathId_ticketId: { pathId, ticketId } },
      data: {
        ...(input.concept !== undefined ? { concept: input.concept } : {}),
        ...(input.difficulty !== undefined ? { difficulty: input.difficulty } : {}),
        ...(input.masteryThreshold !== undefined
          ? { masteryThreshold: input.masteryThreshold }
          : {}),
      },
    });
  });
  await forgetPathsOfTickets(deps, [ticketId]);
  return getPath({ deps, viewer, pathId });
}
