import { z } from '@hono/zod-openapi';
import type { ReviewCard } from '@learntrac/db';
import { CardStateSchema, cardStateName } from './schedule-review.js';

export const ReviewCardSchema = z
  .object({
    id: z.uuid(),
    ticketId: z.number().int(),
    concept: z.string(),
    due: z.iso.datetime().openapi({ description: 'When the card is next due for review' }),
    state: CardStateSchema,
    reps: z.number().int(),
    lapses: z.number().int(),
    stability: z.number(),
    difficulty: z.number(),
    lastReview: z.iso.datetime().nullable(),
  })
  .openapi('ReviewCard');
export type ReviewCardView = z.infer<typeof ReviewCardSchema>;

export function toReviewCardView(row: ReviewCard, concept: string): ReviewCardView {
  return {
    id: row.id,
    ticketId: row.ticketId,
    concept,
    due: row.due.toISOString(),
    state: cardStateName(row.state),
    reps: row.reps,
    lapses: row.lapses,
    stability: row.stability,
    difficulty: row.difficulty,
    lastReview: row.lastReview?.toISOString() ?? null,
  };
}
