import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { checkReadiness } from '../../services/check-readiness.js';
import { ReadinessSchema } from './schema.js';

const route = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['health'],
  summary: 'The database and the cache answer',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: ReadinessSchema } } },
    503: {
      description: 'Not ready; `failed` names what did not answer',
      content: { 'application/json': { schema: ReadinessSchema } },
    },
  },
});

export function registerReadyz(app: App) {
  app.openapi(route, async (c) => {
    const { db, cache, logger } = c.get('deps');
    const readiness = await checkReadiness({ db, cache });
    const failed = (['database', 'cache'] as const).filter((name) => !readiness.checks[name].ok);
    for (const name of failed) {
      logger.warn(
        { requestId: c.get('requestId'), check: name, err: readiness.checks[name].error },
        'not ready',
      );
    }
    const body = {
      status: readiness.ready ? ('ready' as const) : ('not_ready' as const),
      checks: {
        database: readiness.checks.database.ok ? ('ok' as const) : ('failed' as const),
        cache: readiness.checks.cache.ok ? ('ok' as const) : ('failed' as const),
      },
      failed,
    };
    return readiness.ready ? c.json(body, 200) : c.json(body, 503);
  });
}
