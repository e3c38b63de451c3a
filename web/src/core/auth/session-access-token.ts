import 'server-only';
import { headers } from 'next/headers';
import { NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { getConfig } from '@/config';
import { checkSessionToken } from './auth-options';
import { SessionEndedError } from './session-lifetime';

/**
 * The access token of the person who sent `request`, read from the sealed session cookie on the
 * server and renewed when it is about to expire; null when nobody is signed in or the session
 * has ended.
 */
export async function readAccessToken(request: NextRequest): Promise<string | null> {
  const token = await getToken({ req: request, secret: getConfig().NEXTAUTH_SECRET });
  if (!token) return null;
  try {
    return (await checkSessionToken(token)).accessToken ?? null;
  } catch (error) {
    // An ended session calls learn-api as nobody; the page's own session check signs it out.
    if (error instanceof SessionEndedError) return null;
    throw error;
  }
}

/** The signed-in user's access token in a server component or server action. */
export async function getSessionAccessToken(): Promise<string | null> {
  // next-auth reads the session cookie, which may be split into chunks, from a request.
  const request = new NextRequest(getConfig().NEXTAUTH_URL, { headers: await headers() });
  return readAccessToken(request);
}
