import 'server-only';
import { headers } from 'next/headers';
import { getConfig } from '@/config';
import { getSessionAccessToken } from '@/core/auth/session-access-token';
import { createLearnApiClient, type LearnApiClient } from './learn-api-client';

/**
 * learn-api as the person signed in to this request, for server components, route handlers and
 * server actions. The access token comes from the sealed session cookie (renewed first when it
 * has expired) and never reaches the browser. Signed out: calls go without a token and come back
 * refused with 401. Wrap each call in `learnApiResult` to get a result a screen can show.
 */
export async function learnApiFor(): Promise<LearnApiClient> {
  const requestHeaders = await headers();
  return createLearnApiClient({
    baseUrl: getConfig().LEARN_API_URL,
    accessToken: (await getSessionAccessToken()) ?? undefined,
    requestId: requestHeaders.get('x-request-id') ?? undefined,
  });
}
