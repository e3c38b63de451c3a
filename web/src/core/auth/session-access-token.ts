import 'server-only';
import { headers } from 'next/headers';
import { NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { getConfig } from '@/config';
import { checkSessionToken } from './auth-options';
import { SessionEndedError } from './session-lifetime';

/**
 * The signed-in user's access token for calling learn-api, read from the sealed session cookie
 * on the server and renewed when it is about to expire; null when nobody is signed in or the
 * session has ended.
 */
export async function getSessionAccessToken(): Promise<string | null> {
  const config = getConfig();
  // next-auth reads the session cookie, which may be split into chunks, from a request.
  const request = new NextRequest(config.NEXTAUTH_URL, { headers: await headers() });
  const token = await getToken({ req: request, secret: config.NEXTAUTH_SECRET });
  if (!token) return null;
  try {
    return (await checkSessionToken(token)).accessToken ?? null;
  } catch (error) {
    // An ended session calls learn-api as nobody; the page's own session check signs it out.
    if (error instanceof SessionEndedError) return null;
    throw error;
  }
}
