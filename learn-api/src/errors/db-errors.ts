import { DbError, type DbErrorCode, InvalidInputError } from '@learntrac/db/errors';
import { ApiError, type ErrorCode } from './api-error.js';

const apiCodeOf = {
  invalid_input: 'VALIDATION_FAILED',
  not_found: 'NOT_FOUND',
  mid_air_collision: 'CONFLICT',
  prerequisite_cycle: 'CONFLICT',
} as const satisfies Record<DbErrorCode, ErrorCode>;

/** The API's answer to an error the shared database verbs throw on purpose. */
export function apiErrorFromDbError(error: DbError): ApiError {
  const issues =
    error instanceof InvalidInputError && error.issues.length > 0
      ? error.issues.map((issue) => ({
          path: issue.path.map(String).join('.'),
          message: issue.message,
        }))
      : undefined;
  return new ApiError(apiCodeOf[error.code], error.message, {
    cause: error,
    ...(issues ? { issues } : {}),
  });
}

export { DbError };
