import { type NextRequest, NextResponse } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { getConfig } from '@/config';
import { getSessionRevocations } from '@/core/auth/auth-options';
import { buildIssuerLogoutUrl, discoverEndSessionEndpoint } from '@/core/auth/issuer-logout';
import { endSession } from '@/core/auth/session-lifetime';
import { requestLogger } from '@/core/log';

/**
 * Ends the LearnTrac session (on the server, so a copy of the cookie stops working too, and by
 * deleting next-auth's cookies) and then the issuer's. A POST from a page of this site only, so
 * another site cannot sign people out.
 */
export async function respondWithSignOut(request: NextRequest): Promise<Response> {
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
  const log = requestLogger(request.headers);
  if (token) {
    await endSession({ token, revocations: getSessionRevocations() }).catch((error: unknown) =>
      // The cookie is still deleted below; only copies of it outlive this.
      log.error({ err: error, userId: token.sub }, 'the session could not be ended on the server'),
    );
  }
  const logoutUrl = buildIssuerLogoutUrl({
    endSessionEndpoint: await discoverEndSessionEndpoint(config.COGNITO_ISSUER),
    cognitoDomain: config.COGNITO_DOMAIN,
    clientId: config.COGNITO_CLIENT_ID,
    idToken: token?.idToken,
    returnTo: home,
  });
  log.info({ userId: token?.sub }, 'sign-out');

  const response = NextResponse.redirect(logoutUrl, 303);
  for (const cookie of request.cookies.getAll()) {
    // The session cookie may be split into numbered chunks; the secure variant has a prefix.
    if (cookie.name.includes('next-auth.session-token')) response.cookies.delete(cookie.name);
  }
  return response;
}
