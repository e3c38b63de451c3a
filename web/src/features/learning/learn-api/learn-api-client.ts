import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './learn-api-schema.gen';

/** learn-api's routes, as its OpenAPI document describes them. */
export type LearnApiPaths = paths;
/** learn-api's named schemas: `LearnApiSchemas['PathDetail']`, `LearnApiSchemas['Document']`, ... */
export type LearnApiSchemas = components['schemas'];
/** The one error body every learn-api refusal carries. */
export type LearnApiErrorBody = LearnApiSchemas['Error'];
export type LearnApiClient = Client<paths>;

/** How long a call may take before learn-api counts as unavailable. */
export const LEARN_API_TIMEOUT_MS = 30_000;

export interface CreateLearnApiClientInput {
  /** Where learn-api listens (LEARN_API_URL), without the /api/learntrac prefix. */
  baseUrl: string;
  /** The signed-in user's access token; without one learn-api answers 401. */
  accessToken?: string | undefined;
  /** Sent as X-Request-Id so that both services log the same id. */
  requestId?: string | undefined;
  timeoutMs?: number;
}

/**
 * A typed learn-api client: paths, parameters, bodies and answers all come from learn-api's
 * OpenAPI document. Server code only: it carries the user's access token.
 */
export function createLearnApiClient(input: CreateLearnApiClientInput): LearnApiClient {
  const timeoutMs = input.timeoutMs ?? LEARN_API_TIMEOUT_MS;
  const headers: Record<string, string> = {};
  if (input.accessToken) headers.authorization = `Bearer ${input.accessToken}`;
  if (input.requestId) headers['x-request-id'] = input.requestId;
  return createClient<paths>({
    baseUrl: input.baseUrl.replace(/\/+$/, ''),
    headers,
    fetch: (request) =>
      fetch(request, { signal: AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]) }),
  });
}

/** A learn-api answer a screen can show: the data, learn-api's refusal, or learn-api being down. */
export type LearnApiResult<T> =
  | { ok: true; status: number; data: T }
  | {
      ok: false;
      kind: 'refused';
      status: number;
      error: LearnApiErrorBody;
      /** The first problem learn-api found with each field, by the field's name (`title`). */
      fieldErrors: Record<string, string>;
    }
  | { ok: false; kind: 'unavailable'; status: 503; message: string };

export const LEARN_API_UNAVAILABLE_MESSAGE =
  'The learning service is not answering right now. Try again in a moment.';

const unavailable = (): LearnApiResult<never> => ({
  ok: false,
  kind: 'unavailable',
  status: 503,
  message: LEARN_API_UNAVAILABLE_MESSAGE,
});

function isErrorBody(value: unknown): value is LearnApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

function fieldErrorsOf(error: LearnApiErrorBody): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues ?? []) fields[issue.path] ??= issue.message;
  return fields;
}

/**
 * Turns a client call into a result: learn-api's own refusals keep their code, message and
 * per-field problems; a connection that fails, times out, or a gateway's non-JSON 5xx answer
 * becomes `unavailable`, never an exception that would render as a 500.
 */
export async function learnApiResult<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<LearnApiResult<T>> {
  let outcome: Awaited<typeof call>;
  try {
    outcome = await call;
  } catch {
    return unavailable();
  }
  const { response } = outcome;
  if (response.ok) return { ok: true, status: response.status, data: outcome.data as T };
  if (!isErrorBody(outcome.error)) {
    if (response.status >= 500) return unavailable();
    const error: LearnApiErrorBody = {
      code: 'BAD_REQUEST',
      message: `learn-api answered ${response.status}`,
      requestId: response.headers.get('x-request-id') ?? 'unknown',
    };
    return { ok: false, kind: 'refused', status: response.status, error, fieldErrors: {} };
  }
  if (outcome.error.code === 'SERVICE_UNAVAILABLE') return unavailable();
  return {
    ok: false,
    kind: 'refused',
    status: response.status,
    error: outcome.error,
    fieldErrors: fieldErrorsOf(outcome.error),
  };
}
