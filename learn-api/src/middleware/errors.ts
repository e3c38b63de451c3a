import type { Hook } from '@hono/zod-openapi';
import { isDatabaseUnavailable } from '@learntrac/db';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import type { AppEnv } from '../app-env.js';
import { ApiError, type ErrorBody } from '../errors/api-error.js';
import { apiErrorFromDbError, DbError } from '../errors/db-errors.js';

function errorResponse(c: Context<AppEnv>, error: ApiError): Response {
  const body: ErrorBody = {
    code: error.code,
    message: error.message,
    requestId: c.get('requestId') ?? 'unknown',
    ...(error.issues ? { issues: error.issues } : {}),
  };
  return c.json(body, error.status, error.headers);
}

/** The one place errors become responses: known errors keep their code, the rest are 500s. */
export const handleError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof ApiError) {
    if (err.status >= 500)
      c.get('deps')?.logger.error({ err, requestId: c.get('requestId') }, err.message);
    return errorResponse(c, err);
  }
  // The shared database verbs say what went wrong in their own codes.
  if (err instanceof DbError) return errorResponse(c, apiErrorFromDbError(err));
  // A domain verb refusing its input is the caller's mistake, not ours.
  if (err instanceof ZodError) return errorResponse(c, validationError('body', err));
  // Hono raises these itself, e.g. for a request body that is not valid JSON.
  if (err instanceof HTTPException && err.status < 500) {
    const code =
      err.status === 401 ? 'UNAUTHORIZED' : err.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
    return errorResponse(c, new ApiError(code, err.message || 'Bad request'));
  }
  // A database that is down or restarting: the request may work in a moment, so say so (503)
  // rather than blame ourselves (500).
  if (isDatabaseUnavailable(err)) {
    c.get('deps')?.logger.warn({ err, requestId: c.get('requestId') }, 'database unavailable');
    return errorResponse(
      c,
      new ApiError(
        'SERVICE_UNAVAILABLE',
        'The database cannot be reached right now; try again in a moment',
        { headers: { 'Retry-After': '5' } },
      ),
    );
  }
  c.get('deps')?.logger.error({ err, requestId: c.get('requestId') }, 'unhandled error');
  return errorResponse(c, new ApiError('INTERNAL', 'Something went wrong on our side'));
};

export const handleNotFound: NotFoundHandler<AppEnv> = (c) =>
  errorResponse(c, new ApiError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`));

/** Used by every route: a request that fails its schema gets a 400 listing each problem. */
// biome-ignore lint/suspicious/noExplicitAny: the hook is shared by routes with different inputs
export const validationHook: Hook<any, AppEnv, any, any> = (result, c) => {
  if (result.success) return;
  return errorResponse(c, validationError(result.target, result.error));
};

function validationError(target: string, error: ZodError): ApiError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  return new ApiError('VALIDATION_FAILED', `The request ${target} is not valid`, { issues });
}
