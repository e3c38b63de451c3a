import { type NextRequest, NextResponse } from 'next/server';

const REQUEST_ID_HEADER = 'x-request-id';
const LEARN_API_PREFIX = '/api/learntrac/';

/**
 * Runs before every page and route: gives each request an id (kept if the load balancer sent
 * one) and sends /api/learntrac/* to learn-api. The rewrite lives here rather than in
 * next.config because next.config rewrites are fixed at build time, while LEARN_API_URL is a
 * run-time setting of the deployed image.
 */
export function proxy(request: NextRequest) {
  const requestId = request.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);

  const { pathname, search } = request.nextUrl;
  const learnApi = process.env.LEARN_API_URL;
  const response =
    learnApi && (pathname.startsWith(LEARN_API_PREFIX) || pathname === '/api/learntrac')
      ? NextResponse.rewrite(new URL(`${pathname}${search}`, learnApi), { request: { headers } })
      : NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Static assets need neither an id nor a rewrite.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|logo.svg).*)'],
};
