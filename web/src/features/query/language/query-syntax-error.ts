import { AppError } from '@/core/errors/app-error';

/**
 * The one error the query language throws: bad query text, an unknown field, a value the
 * field cannot take. An INVALID_INPUT like any other, so it reaches the user as a 400 with
 * its message, never a 500; it adds where in the query the fault is.
 */
export class QuerySyntaxError extends AppError {
  /** 0-based offset in the query string, when the error came from the string form. */
  readonly position: number | undefined;
  /** The field or URL parameter at fault, when there is one. */
  readonly field: string | undefined;

  constructor(message: string, details: { position?: number; field?: string } = {}) {
    super('INVALID_INPUT', message);
    this.position = details.position;
    this.field = details.field;
  }
}

/** " at character N" (1-based, as a person counts) for messages about the string form. */
export function at(position: number | undefined): string {
  return position === undefined ? '' : ` at character ${position + 1}`;
}
