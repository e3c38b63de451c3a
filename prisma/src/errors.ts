import type { z } from 'zod';

export type DbErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'mid_air_collision'
  | 'prerequisite_cycle';

/** Base of every error the shared verbs throw on purpose; `code` is stable for mapping to HTTP. */
export class DbError extends Error {
  override name = 'DbError';
  constructor(
    readonly code: DbErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class InvalidInputError extends DbError {
  override name = 'InvalidInputError';
  constructor(
    message: string,
    readonly issues: z.core.$ZodIssue[] = [],
  ) {
    super('invalid_input', message);
  }
}

export class TicketNotFoundError extends DbError {
  override name = 'TicketNotFoundError';
  constructor(readonly ticketId: number) {
    super('not_found', `ticket #${ticketId} does not exist`);
  }
}

/** The ticket changed since the editor loaded it (Trac's "mid-air collision"). */
export class MidAirCollisionError extends DbError {
  override name = 'MidAirCollisionError';
  constructor(
    readonly ticketId: number,
    readonly expectedChangetime: bigint,
    readonly actualChangetime: bigint | null,
  ) {
    super('mid_air_collision', `ticket #${ticketId} was changed by someone else in the meantime`);
  }
}

export class PrerequisiteCycleError extends DbError {
  override name = 'PrerequisiteCycleError';
  constructor(
    readonly ticketId: number,
    readonly prerequisiteId: number,
  ) {
    super(
      'prerequisite_cycle',
      `#${prerequisiteId} cannot be a prerequisite of #${ticketId}: it would create a cycle`,
    );
  }
}

/** Parses input with a zod schema, turning failures into InvalidInputError. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what: string,
): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const detail = result.error.issues
    .map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`)
    .join('; ');
  throw new InvalidInputError(`invalid ${what}: ${detail}`, result.error.issues);
}
