import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { HealthSchema } from './schema.js';

const route = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['health'],
  summary: 'The process is up',
  responses: {
    200: { description: 'Up', content: { 'application/json': { schema: HealthSchema } } },
  },
});

export function registerHealthz(app: App) {
  app.openapi(route, (c) => c.json({ status: 'ok' as const }, 200));
}
