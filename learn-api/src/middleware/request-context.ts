import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../app-env.js';

// A caller-supplied id is kept only if it is short and plain, so it is safe to log and echo.
const acceptableRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

/** Gives each request its id and dependencies, and logs one line when it finishes. */
export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const offered = c.req.header('x-request-id');
    const requestId = offered && acceptableRequestId.test(offered) ? offered : randomUUID();
    c.set('requestId', requestId);
    c.set('deps', deps);
    c.header('x-request-id', requestId);
    await next();
    // The path only: query strings can carry things that do not belong in logs.
    deps.logger.info(
      {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        userSub: c.get('user')?.sub,
      },
      'request',
    );
  };
}
