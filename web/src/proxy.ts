import { type NextRequest, NextResponse } from 'next/server';
import { databaseUnavailableResponse, reportsBusyResponse } from '@/core/db/database-gate';
import { findAddressProblem } from '@/core/security/check-request-address';
import {
  ATTACHMENT_CONTENT_SECURITY_POLICY,
  buildContentSecurityPolicy,
  SECURITY_HEADERS,
} from '@/core/security/security-headers';
import { serverActionBodyLimit } from '@/core/security/server-action-body-limit';

const REQUEST_ID_HEADER = 'x-request-id';
const LEARN_API_PREFIX = '/api/learntrac/';

// next.config fixes this number when the app is built, as Next fixes its own limit.
const bodyLimit =
  Number(process.env.SERVER_ACTION_BODY_LIMIT) || serverActionBodyLimit(process.env);

/** Origins sign-out may redirect a form post to: the issuer's logout endpoint. */
function formTargets(): string[] {
  const origins = [process.env.COGNITO_ISSUER, process.env.COGNITO_DOMAIN].flatMap((value) =>
    value && URL.canParse(value) ? [new URL(value).origin] : [],
  );
  return [...new Set(origins)];
}

function refusal(status: number, code: string, message: string, requestId: string) {
  return NextResponse.json({ code, message, requestId }, { status });
}

/** A request the app refuses before any page or action sees it, or null. */
function refuseRequest(request: NextRequest, requestId: string): NextResponse | null {
  // The raw address: nextUrl has already re-encoded the query, hiding what was sent.
  const { pathname, search } = new URL(request.url);
  const addressProblem = findAddressProblem(pathname, search);
  if (addressProblem) return refusal(400, 'bad_request', addressProblem, requestId);
  // learn-api bounds its own bodies; everything else that takes a body here is a form post.
  if (request.method === 'POST' && !isLearnApi(pathname)) {
    const length = request.headers.get('content-length');
    if (length === null && request.headers.has('transfer-encoding')) {
      return refusal(
        411,
        'length_required',
        'A form post must say its length (Content-Length).',
        requestId,
      );
    }
    if (length !== null && Number(length) > bodyLimit) {
      return refusal(
        413,
        'too_large',
        `The request body has ${length} bytes; a form may send at most ${bodyLimit} bytes.`,
        requestId,
      );
    }
  }
  return null;
}

const isLearnApi = (pathname: string) =>
  pathname.startsWith(LEARN_API_PREFIX) || pathname === '/api/learntrac';

/**
 * Runs before every page and route: gives each request an id (kept if the load balancer sent
 * one), refuses malformed addresses and oversized form posts with a clear 4xx, answers 503 at
 * once while the database is known to be down, sets the security
 * headers (the Content Security Policy with this request's script nonce, which Next.js reads
 * from the request to mark its own scripts) and sends /api/learntrac/* to learn-api. The rewrite
 * lives here rather than in next.config because next.config rewrites are fixed at build time,
 * while LEARN_API_URL is a run-time setting of the deployed image.
 */
export function proxy(request: NextRequest) {
  const requestId = request.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID();
  const { pathname, search } = request.nextUrl;
  const learnApi = process.env.LEARN_API_URL;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const policy = buildContentSecurityPolicy({
    nonce,
    formTargets: formTargets(),
    development: process.env.NODE_ENV === 'development',
  });

  const refused =
    refuseRequest(request, requestId) ??
    databaseUnavailableResponse({ pathname, requestId }) ??
    reportsBusyResponse({ pathname, requestId });
  let response: NextResponse;
  if (refused) {
    response = refused;
  } else if (learnApi && isLearnApi(pathname)) {
    // learn-api answers with its own security headers.
    const headers = new Headers(request.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    response = NextResponse.rewrite(new URL(`${pathname}${search}`, learnApi), {
      request: { headers },
    });
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  } else {
    const headers = new Headers(request.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    headers.set('content-security-policy', policy);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set(REQUEST_ID_HEADER, requestId);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  // Attached files get the stricter policy their route also sets: nothing in them runs.
  response.headers.set(
    'Content-Security-Policy',
    pathname.startsWith('/raw-attachment/') ? ATTACHMENT_CONTENT_SECURITY_POLICY : policy,
  );
  return response;
}

export const config = {
  // Static assets need neither an id nor a rewrite; next.config gives them the fixed headers.
  // Next buffers the body of every request the proxy sees, so uploads streamed to learn-api
  // (api/learning/documents, which checks its own size and caller) bypass it.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|logo.svg|api/learning/documents).*)'],
};
