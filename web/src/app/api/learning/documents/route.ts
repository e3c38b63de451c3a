import type { NextRequest } from 'next/server';
import { getConfig } from '@/config';
import { readAccessToken } from '@/core/auth/session-access-token';
import { SECURITY_HEADERS } from '@/core/security/security-headers';
import { streamUpload } from '@/features/learning/learn-api/stream-upload';

/** The proxy (which names requests) skips this path: keep a caller's id only when it is plain. */
function readRequestId(request: NextRequest): string {
  const sent = request.headers.get('x-request-id');
  return sent && /^[\w.-]{1,128}$/.test(sent) ? sent : crypto.randomUUID();
}

/**
 * Course material uploads from the browser (a form's `file` and `title`), passed on to learn-api
 * as the signed-in user. A route handler rather than a server action: actions stop at 1 MB and
 * read the whole body first. The proxy skips this path so that Next does not buffer the body.
 */
export async function POST(request: NextRequest) {
  const config = getConfig();
  const response = await streamUpload({
    request,
    learnApiUrl: config.LEARN_API_URL,
    accessToken: await readAccessToken(request),
    maxBytes: config.UPLOAD_MAX_BYTES,
    requestId: readRequestId(request),
    siteOrigin: new URL(config.NEXTAUTH_URL).origin,
  });
  // The proxy, which sets these on every other answer, does not run here.
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}
