import type { Permission } from '@/core/auth/roles';

/** Every expected failure in web carries one of these codes; pages and forms map them in one place. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'BUSY',
  'SERVICE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const statusOfErrorCode = {
  INVALID_INPUT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  BUSY: 503,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<ErrorCode, number>;

export interface AppErrorOptions {
  /** Messages by form field (or `form`, `action`, `comment`), shown beside what was typed. */
  fieldErrors?: Record<string, string>;
  /** For FORBIDDEN: the permission that was missing. */
  permission?: Permission;
  /** Further lines under the message, e.g. each ticket a batch could not change and why. */
  problems?: string[];
  cause?: unknown;
}

/** A failure a verb reports on purpose: what went wrong, for whom to show, by code. */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly fieldErrors: Record<string, string>;
  readonly permission: Permission | undefined;
  readonly problems: string[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.fieldErrors = options.fieldErrors ?? {};
    this.permission = options.permission;
    this.problems = options.problems ?? [];
  }

  get status(): number {
    return statusOfErrorCode[this.code];
  }
}

/** The viewer lacks `permission` for what they asked; `message` says what it was. */
export function permissionError(permission: Permission, message?: string): AppError {
  return new AppError(
    'FORBIDDEN',
    message ?? `${permission} privileges are required to perform this operation.`,
    { permission },
  );
}

/** Whether `error` is an AppError, of one of `codes` when given. */
export function isAppError(error: unknown, ...codes: ErrorCode[]): error is AppError {
  return error instanceof AppError && (codes.length === 0 || codes.includes(error.code));
}

/** A form whose fields failed validation: one message per field; nothing was written. */
export function formError(fieldErrors: Record<string, string>): AppError {
  return new AppError('INVALID_INPUT', Object.values(fieldErrors).join(' '), { fieldErrors });
}
