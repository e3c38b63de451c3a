import type { NextRequest } from 'next/server';
import { getConfig } from '@/config';
import { readAccessToken } from '@/core/auth/session-access-token';
import { streamUpload } from '@/features/learning/learn-api/stream-upload';

/**
 * Course material uploads from the browser (a form's `file` and `title`), passed on to learn-api
 * as the signed-in user. A route handler rather than a server action: actions stop at 1 MB and
 * read the whole body first.
 */
export async function POST(request: NextRequest) {
  const config = getConfig();
  return streamUpload({
    request,
    learnApiUrl: config.LEARN_API_URL,
    accessToken: await readAccessToken(request),
    maxBytes: config.UPLOAD_MAX_BYTES,
    // The front door names every request (src/server/front-door.ts).
    requestId: request.headers.get('x-request-id') ?? crypto.randomUUID(),
    siteOrigin: new URL(config.NEXTAUTH_URL).origin,
  });
}
