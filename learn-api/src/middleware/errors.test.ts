import { OpenAPIHono } from '@hono/zod-openapi';
import { createPrismaClient } from '@learntrac/db';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.js';
import { unreachableDatabaseUrl } from '../test-support/build-app.js';
import { handleError } from './errors.js';

describe('errors from a database that cannot be reached', () => {
  const db = createPrismaClient(unreachableDatabaseUrl);
  afterAll(async () => {
    await db.$disconnect();
  });

  it('answer 503 with the error shape and Retry-After, not 500, so clients know to try again', async () => {
    const app = new OpenAPIHono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('requestId', 'req-7');
      await next();
    });
    app.get('/tickets', async (c) => c.json(await db.ticket.count()));
    app.onError(handleError);
    const res = await app.request('/tickets');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database cannot be reached right now; try again in a moment',
      requestId: 'req-7',
    });
  });

  it('leave other failures as 500s', async () => {
    const app = new OpenAPIHono<AppEnv>();
    app.get('/broken', () => {
      throw new Error('a bug');
    });
    app.onError(handleError);
    const res = await app.request('/broken');
    expect(res.status).toBe(500);
    expect(res.headers.get('retry-after')).toBe(null);
  });
});
