import type { LearnApiErrorBody } from './learn-api-client';
import { LEARN_API_UNAVAILABLE_MESSAGE } from './learn-api-client';

/**
 * Room for the multipart envelope (boundaries, part headers, the title) around the file, as
 * learn-api allows: a file at the limit passes both, a larger body is refused by both.
 */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

function refuse(status: number, error: Omit<LearnApiErrorBody, 'requestId'>, requestId: string) {
  return Response.json({ ...error, requestId } satisfies LearnApiErrorBody, {
    status,
    // A client still sending an oversized body is cut off rather than drained.
    headers: { 'x-request-id': requestId, ...(status === 413 ? { connection: 'close' } : {}) },
  });
}

/**
 * Sends a browser's upload (multipart `file` and `title`) on to learn-api's
 * POST /api/learntrac/documents as the signed-in user, piping the body through as it arrives,
 * so web never holds the file. What can be refused without reading the body is refused here
 * first: a post from another site (403), nobody signed in (401), not a multipart form (415), no declared length (411), a body
 * over the shared limit (413). learn-api's answer, a document or its error, comes back as is;
 * learn-api down answers 503.
 */
export async function streamUpload(options: {
  request: Request;
  learnApiUrl: string;
  accessToken: string | null;
  maxBytes: number;
  requestId: string;
  /** This site's origin: a browser posting from another site is refused. */
  siteOrigin: string;
}): Promise<Response> {
  const { request, requestId } = options;
  const origin = request.headers.get('origin');
  if (origin && origin !== options.siteOrigin) {
    return refuse(
      403,
      { code: 'FORBIDDEN', message: 'Uploads must come from a LearnTrac page.' },
      requestId,
    );
  }
  if (!options.accessToken) {
    return refuse(401, { code: 'UNAUTHORIZED', message: 'Sign in to upload material.' }, requestId);
  }
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data;\s*boundary=/i.test(contentType)) {
    return refuse(
      415,
      {
        code: 'BAD_REQUEST',
        message: 'Send the material as a multipart form with a `file` field.',
        issues: [{ path: 'file', message: 'A file is required' }],
      },
      requestId,
    );
  }
  const declared = request.headers.get('content-length');
  const length = declared === null ? Number.NaN : Number(declared);
  if (!Number.isSafeInteger(length) || length < 0) {
    return refuse(
      411,
      { code: 'BAD_REQUEST', message: 'An upload must say its length (Content-Length).' },
      requestId,
    );
  }
  if (length > options.maxBytes + MULTIPART_OVERHEAD_BYTES) {
    return refuse(
      413,
      {
        code: 'PAYLOAD_TOO_LARGE',
        message: `The upload is larger than the ${describeBytes(options.maxBytes)} allowed`,
        issues: [{ path: 'file', message: `At most ${describeBytes(options.maxBytes)}` }],
      },
      requestId,
    );
  }
  let answer: Response;
  try {
    answer = await fetch(`${options.learnApiUrl.replace(/\/+$/, '')}/api/learntrac/documents`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${options.accessToken}`,
        'content-type': contentType,
        'content-length': String(length),
        'x-request-id': requestId,
      },
      body: request.body,
      // Node's fetch streams a request body only in half-duplex mode.
      duplex: 'half',
      signal: request.signal,
    } as RequestInit & { duplex: 'half' });
  } catch {
    return refuse(
      503,
      { code: 'SERVICE_UNAVAILABLE', message: LEARN_API_UNAVAILABLE_MESSAGE },
      requestId,
    );
  }
  if (answer.status >= 502 && !answer.headers.get('content-type')?.includes('json')) {
    return refuse(
      503,
      { code: 'SERVICE_UNAVAILABLE', message: LEARN_API_UNAVAILABLE_MESSAGE },
      requestId,
    );
  }
  return new Response(answer.body, {
    status: answer.status,
    headers: {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
      'x-request-id': requestId,
      'cache-control': 'no-store',
    },
  });
}
