import { z } from '@hono/zod-openapi';

/** Every error the API returns carries one of these codes; the HTTP status follows from it. */
export const ErrorCode = z.enum([
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNPROCESSABLE',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const statusOfErrorCode = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const satisfies Record<ErrorCode, number>;

export const ValidationIssueSchema = z.object({
  path: z.string().openapi({ example: 'title' }),
  message: z.string().openapi({ example: 'Too small: expected string to have >=1 characters' }),
});
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;

export const ErrorSchema = z
  .object({
    code: ErrorCode,
    message: z.string(),
    requestId: z.string(),
    issues: z.array(ValidationIssueSchema).optional(),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof ErrorSchema>;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  readonly issues: ValidationIssue[] | undefined;
  /** Sent with the error response, e.g. `Retry-After` with a 429. */
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { issues?: ValidationIssue[]; cause?: unknown; headers?: Record<string, string> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options?.issues;
    this.headers = options?.headers ?? {};
  }

  get status(): (typeof statusOfErrorCode)[ErrorCode] {
    return statusOfErrorCode[this.code];
  }
}

/** The OpenAPI response entries for error statuses a route can return. */
export function errorResponses(...codes: ErrorCode[]) {
  const entries: Record<
    number,
    { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }
  > = {};
  for (const code of codes) {
    entries[statusOfErrorCode[code]] = {
      description: code,
      content: { 'application/json': { schema: ErrorSchema } },
    };
  }
  return entries;
}
