import { z } from 'zod';

export const progressStatuses = ['not_started', 'in_progress', 'completed', 'mastered'] as const;
export type ProgressStatus = (typeof progressStatuses)[number];

/**
 * One concept of a path as the graph and the list draw it. The standing (status, score,
 * locked) is the viewer's own; screens without a learner (an instructor's preview) leave it out.
 */
export const GraphConceptSchema = z.object({
  ticketId: z.number().int(),
  concept: z.string(),
  sequence: z.number().int(),
  prerequisites: z.array(z.number().int()),
  href: z.string(),
  status: z.enum(progressStatuses).optional(),
  score: z.number().min(0).max(1).optional(),
  locked: z.boolean().optional(),
});
export type GraphConcept = z.infer<typeof GraphConceptSchema>;

export const GraphConceptsSchema = z.array(GraphConceptSchema);
