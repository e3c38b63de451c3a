import { type NextRequest, NextResponse } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { getConfig } from '@/config';
import { buildIssuerLogoutUrl, discoverEndSessionEndpoint } from '@/core/auth/issuer-logout';
import { requestLogger } from '@/core/log';

/**
 * Ends the LearnTrac session (deletes next-auth's cookies) and then the issuer's. A POST from a
 * page of this site only, so another site cannot sign people out.
 */
export async function POST(request: NextRequest) {
  const config = getConfig();
  const home = new URL('/', config.NEXTAUTH_URL).toString();
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(config.NEXTAUTH_URL).origin) {
    return NextResponse.json(
      { code: 'forbidden', message: 'Sign-out must come from a LearnTrac page' },
      { status: 403 },
    );
  }

  const token = await getToken({ req: request, secret: config.NEXTAUTH_SECRET });
  const logoutUrl = buildIssuerLogoutUrl({
    endSessionEndpoint: await discoverEndSessionEndpoint(config.COGNITO_ISSUER),
    cognitoDomain: config.COGNITO_DOMAIN,
    clientId: config.COGNITO_CLIENT_ID,
    idToken: token?.idToken,
    returnTo: home,
  });
  requestLogger(request.headers).info({ userId: token?.sub }, 'sign-out');

  const response = NextResponse.redirect(logoutUrl, 303);
  for (const cookie of request.cookies.getAll()) {
    // The session cookie may be split into numbered chunks; the secure variant has a prefix.
    if (cookie.name.includes('next-auth.session-token')) response.cookies.delete(cookie.name);
  }
  return response;
}
