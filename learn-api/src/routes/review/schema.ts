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
});

export const DueCardsSchema = z.object({ cards: z.array(DueCardSchema) }).openapi('DueCards');

export const CardParamsSchema = z.object({
  cardId: z.uuid().openapi({ param: { name: 'cardId', in: 'path' } }),
});
