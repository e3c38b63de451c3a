import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { ApiError } from '../errors/api-error.js';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000), which cannot be stored';
  if (UNPAIRED_SURROGATE.test(text)) {
    return 'contains an unpaired surrogate (text that is not valid Unicode)';
  }
  return null;
}

/** The path (`paths.0.title`) and problem of the first string in `value` that breaks the rule. */
function findUnsafeString(
  value: unknown,
  path: string[],
): { path: string; message: string } | null {
  if (typeof value === 'string') {
    const problem = problemOf(value);
    return problem ? { path: path.join('.'), message: problem } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const keyProblem = problemOf(key);
    if (keyProblem) return { path: [...path, key].join('.'), message: `The name ${keyProblem}` };
    const found = findUnsafeString(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses a JSON body holding a string PostgreSQL cannot store (U+0000) or that is not valid
 * Unicode (a lone surrogate, which would be saved as U+FFFD), with 400 naming the field, before
 * any route reads it. Bodies that are not JSON, or not valid JSON, are left to the route's own
 * validation; the parsed body is cached, so the route does not parse it again.
 */
export const rejectUnsafeText: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (/^application\/(.+\+)?json\b/i.test(type)) {
    const body: unknown = await c.req.json().catch(() => undefined);
    const found = findUnsafeString(body, []);
    if (found) {
      throw new ApiError(
        'VALIDATION_FAILED',
        `The request body is not valid: ${found.path || 'the body'} ${found.message}`,
        { issues: [found] },
      );
    }
  }
  await next();
};
