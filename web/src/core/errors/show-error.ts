import { isDatabaseUnavailable } from '@learntrac/db';
import { DbError } from '@learntrac/db/errors';
import { forbidden, notFound } from 'next/navigation';
import { isAppError } from './app-error';

export const DATABASE_UNAVAILABLE_MESSAGE =
  'LearnTrac cannot reach its database right now. Nothing was saved; try again in a moment.';

export interface FormMessage {
  message: string;
  fieldErrors: Record<string, string>;
  problems: string[];
}

/**
 * What a form shows for a failure it expects: a refused or invalid write (AppError, or a shared
 * verb's DbError), or a database that cannot be reached. Null for anything else, which the
 * caller rethrows.
 */
export function formMessageOf(error: unknown): FormMessage | null {
  if (isAppError(error)) {
    return { message: error.message, fieldErrors: error.fieldErrors, problems: error.problems };
  }
  if (error instanceof DbError) return { message: error.message, fieldErrors: {}, problems: [] };
  if (isDatabaseUnavailable(error)) {
    return { message: DATABASE_UNAVAILABLE_MESSAGE, fieldErrors: {}, problems: [] };
  }
  return null;
}

/**
 * Ends a page on an error it answers with a page of its own: NOT_FOUND the 404 page, FORBIDDEN
 * the 403 page. Anything else is rethrown (a database that cannot be reached is answered 503 by
 * the server, see src/server/web-server.ts).
 */
export function showPageError(error: unknown): never {
  if (isAppError(error, 'NOT_FOUND')) notFound();
  if (isAppError(error, 'FORBIDDEN')) forbidden();
  throw error;
}
