import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { ApiError, errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { listDueCards } from '../../services/review/list-due-cards.js';
import { bearerAuth } from '../security.js';
import { DueCardsSchema, DueQuerySchema } from './schema.js';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

const route = createRoute({
  method: 'get',
  path: '/review/due',
  tags: ['review'],
  summary:
    "The caller's review cards that are due (or fall due before a given moment), most overdue first",
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
    const { limit, before } = c.req.valid('query');
    const now = new Date();
    const until = before ? new Date(before) : now;
    if (until.getTime() > now.getTime() + WEEK_MS) {
      throw new ApiError('VALIDATION_FAILED', 'before may be at most a week from now', {
        issues: [{ path: 'before', message: 'at most a week from now' }],
      });
    }
    const cards = await listDueCards({ db: c.get('deps').db, viewer: c.get('user'), limit, until });
    return c.json({ cards }, 200);
  });
}
