import 'server-only';
import { headers } from 'next/headers';
import { NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { getConfig } from '@/config';

/**
 * The signed-in user's access token for calling learn-api, read from the sealed session cookie
 * on the server; null when nobody is signed in.
 */
export async function getSessionAccessToken(): Promise<string | null> {
  const config = getConfig();
  // next-auth reads the session cookie, which may be split into chunks, from a request.
  const request = new NextRequest(config.NEXTAUTH_URL, { headers: await headers() });
  const token = await getToken({ req: request, secret: config.NEXTAUTH_SECRET });
  return token?.accessToken ?? null;
}
