/**
 * The one error the query language throws: bad query text, an unknown field, a value the
 * field cannot take. Callers show `message` to the user (a 400, never a 500).
 */
export class QuerySyntaxError extends Error {
  override readonly name = 'QuerySyntaxError';
  /** 0-based offset in the query string, when the error came from the string form. */
  readonly position: number | undefined;
  /** The field or URL parameter at fault, when there is one. */
  readonly field: string | undefined;

  constructor(message: string, details: { position?: number; field?: string } = {}) {
    super(message);
    this.position = details.position;
    this.field = details.field;
  }
}

/** " at character N" (1-based, as a person counts) for messages about the string form. */
export function at(position: number | undefined): string {
  return position === undefined ? '' : ` at character ${position + 1}`;
}
