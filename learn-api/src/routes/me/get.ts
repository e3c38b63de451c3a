import { createRoute } from '@hono/zod-openapi';
import { PERMISSION_ACTIONS } from '@learntrac/db/permissions';
import type { App } from '../../app-env.js';
import { errorResponses } from '../../errors/api-error.js';
import { requireAuth } from '../../middleware/auth.js';
import { bearerAuth } from '../security.js';
import { MeSchema } from './schema.js';

const route = createRoute({
  method: 'get',
  path: '/me',
  tags: ['me'],
  summary: 'Who the caller is, and what they may do',
  security: bearerAuth,
  middleware: [requireAuth] as const,
  responses: {
    200: { description: 'The caller', content: { 'application/json': { schema: MeSchema } } },
    ...errorResponses('UNAUTHORIZED'),
  },
});

export function registerGetMe(app: App) {
  app.openapi(route, (c) => {
    const { sub, username, email, groups, permissions } = c.get('user');
    const listed = PERMISSION_ACTIONS.filter((action) => permissions.has(action));
    return c.json({ sub, username, email, groups, permissions: listed }, 200);
  });
}
