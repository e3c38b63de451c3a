import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import {
  SearchInputSchema,
  SearchResultSchema,
  searchMaterial,
} from '../../services/search/search-material.js';
import { bearerAuth } from '../security.js';

const route = createRoute({
  method: 'post',
  path: '/search',
  tags: ['search'],
  summary: 'Search course material by meaning and by words',
  description:
    'Fuses the chunks nearest the query in meaning with those matching its words. ' +
    'Learners search published material; instructors all of it.',
  security: bearerAuth,
  middleware: [requirePermission('LEARNING_VIEW')] as const,
  request: {
    body: { required: true, content: { 'application/json': { schema: SearchInputSchema } } },
  },
  responses: {
    200: {
      description: 'Hits, best first',
      content: { 'application/json': { schema: SearchResultSchema } },
    },
    ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'),
  },
});

export function registerSearch(app: App) {
  app.openapi(route, async (c) => {
    const result = await searchMaterial({
      deps: c.get('deps'),
      viewer: c.get('user'),
      input: c.req.valid('json'),
    });
    return c.json(result, 200);
  });
}
