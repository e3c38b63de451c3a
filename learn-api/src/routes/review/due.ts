import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { listDueCards } from '../../services/review/list-due-cards.js';
import { bearerAuth } from '../security.js';
import { DueCardsSchema, DueQuerySchema } from './schema.js';

const route = createRoute({
  method: 'get',
  path: '/review/due',
  tags: ['review'],
  summary: "The caller's review cards that are due, most overdue first",
  security: bearerAuth,
  middleware: [requirePermission('LEARNING_ANSWER')] as const,
  request: { query: DueQuerySchema },
  responses: {
    200: {
      description: 'Due cards, each with a question to answer',
      content: { 'application/json': { schema: DueCardsSchema } },
    },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN'),
  },
});

export function registerListDueCards(app: App) {
  app.openapi(route, async (c) => {
    const cards = await listDueCards({
      db: c.get('deps').db,
      viewer: c.get('user'),
      limit: c.req.valid('query').limit,
    });
    return c.json({ cards }, 200);
  });
}
