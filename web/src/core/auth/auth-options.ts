import 'server-only';
import { randomUUID } from 'node:crypto';
import type { AuthOptions } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import CognitoProvider from 'next-auth/providers/cognito';
import { getConfig } from '@/config';
import { logger } from '@/core/log';
import { readGroups, readUsername } from './claims';
import { keepTokensFresh, type RenewalsInFlight } from './keep-tokens-fresh';
import { createRenewedTokens, type RenewedTokens } from './renewed-tokens';
import { mapGroupsToRoles } from './roles';
import { safeRedirectUrl } from './safe-return-path';
import {
  assertSessionLive,
  endSession,
  SESSION_IDLE_SECONDS,
  SessionEndedError,
} from './session-lifetime';
import { createSessionRevocations, type SessionRevocations } from './session-revocations';

let options: AuthOptions | undefined;
// Route handlers and pages are bundled apart, each with its own copy of this module: the list
// lives on globalThis so that a sign-out handled by one is seen by the other.
const holder = globalThis as typeof globalThis & {
  learntracRevocations?: SessionRevocations;
  learntracRenewed?: RenewedTokens;
  learntracRenewalsInFlight?: RenewalsInFlight;
};

/**
 * next-auth settings, built on first use rather than at import so that `next build` (which
 * imports route modules) needs no run-time settings.
 */
export function getAuthOptions(): AuthOptions {
  options ??= buildAuthOptions();
  return options;
}

/** The list of signed-out sessions: in Redis when REDIS_URL is set, else in this process. */
export function getSessionRevocations(): SessionRevocations {
  holder.learntracRevocations ??= createSessionRevocations({ redisUrl: getConfig().REDIS_URL });
  return holder.learntracRevocations;
}

/**
 * The session as it may be used now: refused (SessionEndedError, after which next-auth clears
 * the cookie) when it is too old, signed out or revoked, and with its access token renewed when
 * that is about to expire. Every reader of the session cookie goes through this.
 */
export async function checkSessionToken(token: JWT): Promise<JWT> {
  const config = getConfig();
  const revocations = getSessionRevocations();
  await assertSessionLive({
    token,
    revocations,
    onListUnavailable: (error) =>
      logger.warn({ err: error }, 'signed-out sessions could not be checked'),
  });
  holder.learntracRenewed ??= createRenewedTokens({
    redisUrl: config.REDIS_URL,
    secret: config.NEXTAUTH_SECRET,
  });
  holder.learntracRenewalsInFlight ??= new Map();
  return keepTokensFresh({
    token,
    client: {
      issuer: config.COGNITO_ISSUER,
      clientId: config.COGNITO_CLIENT_ID,
      clientSecret: config.COGNITO_CLIENT_SECRET,
    },
    inFlight: holder.learntracRenewalsInFlight,
    renewed: holder.learntracRenewed,
    revocations,
    onIssuerUnavailable: (error) =>
      logger.warn({ err: error, userId: token.sub }, 'the access token could not be renewed yet'),
    onStoreUnavailable: (error) =>
      logger.warn({ err: error }, 'renewed tokens could not be shared through the session store'),
  });
}

function buildAuthOptions(): AuthOptions {
  const config = getConfig();
  return {
    secret: config.NEXTAUTH_SECRET,
    // The cookie's lifetime is renewed on use, so this is the idle limit; the jwt callback
    // enforces the absolute one.
    session: { strategy: 'jwt', maxAge: SESSION_IDLE_SECONDS },
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
      async jwt({ token, account, profile }) {
        // `account` and `profile` are present only on the sign-in that creates the token.
        if (account) {
          token.groups = readGroups(profile) ?? readGroups(account.id_token) ?? [];
          token.username =
            readUsername(profile) ?? readUsername(account.access_token) ?? token.sub ?? '';
          token.accessToken = account.access_token;
          token.accessTokenExpiresAt = account.expires_at;
          token.refreshToken = account.refresh_token;
          token.idToken = account.id_token;
          token.sessionId = randomUUID();
          token.signedInAt = Math.floor(Date.now() / 1000);
          return token;
        }
        // Throwing here makes next-auth treat the request as signed out and clear the cookie.
        return checkSessionToken(token);
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
      // Where sign-in returns to: a path of this site only, never `//elsewhere`.
      redirect: ({ url, baseUrl }) => safeRedirectUrl({ url, baseUrl }),
    },
    events: {
      // next-auth's own sign-out endpoint ends the session on the server too.
      async signOut({ token }) {
        if (token) await endSession({ token, revocations: getSessionRevocations() });
      },
    },
    logger: {
      error(code, metadata) {
        // An ended session is routine, not an error worth an alert.
        const ended = metadata instanceof SessionEndedError;
        const cause = (metadata as { error?: unknown } | undefined)?.error;
        if (ended || cause instanceof SessionEndedError) {
          logger.info({ code, reason: String((cause ?? metadata) as Error) }, 'session ended');
          return;
        }
        logger.error({ code, err: metadata }, 'sign-in library error');
      },
      warn(code) {
        logger.warn({ code }, 'sign-in library warning');
      },
      debug() {},
    },
  };
}
