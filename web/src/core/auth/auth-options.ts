import 'server-only';
import type { AuthOptions } from 'next-auth';
import CognitoProvider from 'next-auth/providers/cognito';
import { getConfig } from '@/config';
import { readGroups, readUsername } from './claims';
import { mapGroupsToRoles } from './roles';

let options: AuthOptions | undefined;

/**
 * next-auth settings, built on first use rather than at import so that `next build` (which
 * imports route modules) needs no run-time settings.
 */
export function getAuthOptions(): AuthOptions {
  options ??= buildAuthOptions();
  return options;
}

function buildAuthOptions(): AuthOptions {
  const config = getConfig();
  return {
    secret: config.NEXTAUTH_SECRET,
    session: { strategy: 'jwt' },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CognitoProvider({
        clientId: config.COGNITO_CLIENT_ID,
        clientSecret: config.COGNITO_CLIENT_SECRET,
        issuer: config.COGNITO_ISSUER,
        checks: ['pkce', 'state', 'nonce'],
        authorization: { params: { scope: 'openid email profile' } },
      }),
    ],
    callbacks: {
      jwt({ token, account, profile }) {
        // `account` and `profile` are present only on the sign-in that creates the token.
        if (account) {
          token.groups = readGroups(profile) ?? readGroups(account.id_token) ?? [];
          token.username =
            readUsername(profile) ?? readUsername(account.access_token) ?? token.sub ?? '';
          token.accessToken = account.access_token;
          token.accessTokenExpiresAt = account.expires_at;
          token.idToken = account.id_token;
        }
        return token;
      },
      session({ session, token }) {
        // Only identity and groups reach the browser; the tokens stay in the encrypted cookie.
        const groups = token.groups ?? [];
        session.user = {
          id: token.sub ?? '',
          username: token.username ?? token.sub ?? '',
          name: token.name ?? null,
          email: token.email ?? null,
          groups,
          roles: mapGroupsToRoles(groups),
        };
        return session;
      },
    },
  };
}
