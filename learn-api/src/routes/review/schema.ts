import { z } from '@hono/zod-openapi';
import { DueCardSchema } from '../../services/review/list-due-cards.js';

export { ReviewInputSchema, ReviewResultSchema } from '../../services/review/submit-review.js';

export const DueQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ param: { name: 'limit', in: 'query' } }),
  // A dashboard lists what falls due later today too; a review session takes what is due now.
  before: z.iso
    .datetime({
      offset: true,
      message: 'before must be a date and time, e.g. 2026-12-07T23:59:59Z',
    })
    .optional()
    .openapi({
      param: { name: 'before', in: 'query' },
      description: 'List cards due up to this moment instead of now, at most a week ahead',
    }),
});

export const DueCardsSchema = z.object({ cards: z.array(DueCardSchema) }).openapi('DueCards');

export const CardParamsSchema = z.object({
  cardId: z.uuid().openapi({ param: { name: 'cardId', in: 'path' } }),
});
