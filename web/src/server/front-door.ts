import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  databaseUnavailableRefusal,
  type Refusal,
  reportsBusyRefusal,
} from '@/core/db/database-gate';
import { findAddressProblem } from '@/core/security/check-request-address';
import {
  ATTACHMENT_CONTENT_SECURITY_POLICY,
  buildContentSecurityPolicy,
  SECURITY_HEADERS,
} from '@/core/security/security-headers';
import { passToLearnApi } from './pass-to-learn-api';

const REQUEST_ID_HEADER = 'x-request-id';
// A caller's id is kept only when it is plain, so that it reads safely in logs and headers.
const PLAIN_REQUEST_ID = /^[\w.-]{1,128}$/;
const LEARN_API_PREFIX = '/api/learntrac/';
// Streams the uploaded file to learn-api and checks its own size and caller.
const UPLOAD_ROUTE = '/api/learning/documents';

export interface FrontDoorOptions {
  /** learn-api's address; /api/learntrac/* goes there. Unset: those paths reach Next (404). */
  learnApiUrl?: string;
  /** The largest form post, in bytes (Next refuses larger server-action bodies anyway). */
  formBodyLimit: number;
  /** Origins besides this one that forms may lead to (the issuer's logout). */
  formTargets: readonly string[];
  /** `next dev` evaluates code for fast refresh, which the policy must then allow. */
  development: boolean;
}

/** Where a request goes once the front door has let it in: Next.js's request handler. */
export type PassOn = (request: IncomingMessage, response: ServerResponse) => unknown;

const isLearnApi = (pathname: string) =>
  pathname.startsWith(LEARN_API_PREFIX) || pathname === '/api/learntrac';

/** The origins of the issuer, which sign-out may send a form post to. */
export function formTargetsOf(env: Record<string, string | undefined>): string[] {
  const origins = [env.COGNITO_ISSUER, env.COGNITO_DOMAIN].flatMap((value) =>
    value && URL.canParse(value) ? [new URL(value).origin] : [],
  );
  return [...new Set(origins)];
}

/** A request refused before any page or route sees it, or null. */
function findRefusal(
  request: IncomingMessage,
  pathname: string,
  search: string,
  formBodyLimit: number,
): Refusal | null {
  const addressProblem = findAddressProblem(pathname, search);
  if (addressProblem) return { status: 400, code: 'bad_request', message: addressProblem };
  // learn-api bounds its own bodies, as does the upload route; any other post is a form.
  if (request.method === 'POST' && !isLearnApi(pathname) && pathname !== UPLOAD_ROUTE) {
    const length = request.headers['content-length'];
    if (length === undefined && request.headers['transfer-encoding'] !== undefined) {
      return {
        status: 411,
        code: 'length_required',
        message: 'A form post must say its length (Content-Length).',
      };
    }
    if (length !== undefined && Number(length) > formBodyLimit) {
      return {
        status: 413,
        code: 'too_large',
        message: `The request body has ${length} bytes; a form may send at most ${formBodyLimit} bytes.`,
      };
    }
  }
  return databaseUnavailableRefusal({ pathname }) ?? reportsBusyRefusal({ pathname });
}

function writeRefusal(response: ServerResponse, refusal: Refusal, requestId: string): void {
  const headers = { ...refusal.headers, 'Cache-Control': 'no-store' };
  if (refusal.html) {
    response.writeHead(refusal.status, { ...headers, 'Content-Type': 'text/html;charset=utf-8' });
    response.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unavailable - LearnTrac</title></head><body><h1>Temporarily unavailable</h1><p>${refusal.message}</p></body></html>`,
    );
    return;
  }
  response.writeHead(refusal.status, { ...headers, 'Content-Type': 'application/json' });
  response.end(JSON.stringify({ code: refusal.code, message: refusal.message, requestId }));
}

/**
 * What every request meets before Next.js: an id (kept if the load balancer sent one), a clear
 * 4xx for a malformed address or an oversized form post, 503 at once while the database is known
 * to be down or every report connection is jammed, the security headers with this request's
 * Content Security Policy (Next.js reads its script nonce from the request's copy), and
 * /api/learntrac/* streamed to learn-api. It runs in the server's own request listener because
 * Next's proxy costs about a millisecond of CPU per request even when it does nothing.
 */
export function createFrontDoor(options: FrontDoorOptions) {
  return function frontDoor(request: IncomingMessage, response: ServerResponse, passOn: PassOn) {
    const header = request.headers[REQUEST_ID_HEADER];
    const requestId =
      typeof header === 'string' && PLAIN_REQUEST_ID.test(header) ? header : randomUUID();
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);

    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
    const search = queryAt === -1 ? '' : url.slice(queryAt);

    const refusal = findRefusal(request, pathname, search, options.formBodyLimit);
    if (!refusal && options.learnApiUrl && isLearnApi(pathname)) {
      // learn-api answers with its own security headers.
      passToLearnApi({ request, response, learnApiUrl: options.learnApiUrl, requestId });
      return;
    }

    const policy = buildContentSecurityPolicy({
      nonce: randomBytes(16).toString('base64'),
      formTargets: options.formTargets,
      development: options.development,
    });
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    // Attached files get the stricter policy their route also sets: nothing in them runs.
    response.setHeader(
      'Content-Security-Policy',
      pathname.startsWith('/raw-attachment/') ? ATTACHMENT_CONTENT_SECURITY_POLICY : policy,
    );
    if (refusal) {
      writeRefusal(response, refusal, requestId);
      return;
    }
    request.headers['content-security-policy'] = policy;
    passOn(request, response);
  };
}
