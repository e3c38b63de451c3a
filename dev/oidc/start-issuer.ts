import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Account, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { createMemoryAdapter } from './memory-adapter.js';
import {
  renderErrorPage,
  renderLoginPage,
  renderLogoutPage,
  renderSignedOutPage,
} from './pages.js';
import { loadSigningKeys } from './signing-keys.js';
import { findUserByCredentials, type IssuerUser, seededUsers } from './users.js';

/** An app client of the user pool (Cognito: an app client with a secret). */
export interface IssuerClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface StartIssuerOptions {
  /** Port to listen on; 0 picks a free one. Defaults to 8002. */
  port?: number;
  /** Interface to bind. Defaults to 127.0.0.1. */
  host?: string;
  /** The `iss` of every token. Defaults to http://localhost:<port>. Must have no path. */
  issuerUrl?: string;
  clients: IssuerClient[];
  /** Who can sign in. Defaults to the seeded users. */
  users?: readonly IssuerUser[];
  /** Where the signing keys are kept across restarts; without it they last one process. */
  keysFile?: string;
}

export interface RunningIssuer {
  url: string;
  stop(): Promise<void>;
}

const scope = 'openid email profile';
// Access tokens are issued for this resource so that oidc-provider signs them as JWTs, the
// way Cognito's are. Cognito's access tokens carry no audience, so it never appears in one.
const accessTokenResource = 'urn:learntrac:user-pool';

function accountFor(user: IssuerUser): Account {
  return {
    accountId: user.sub,
    claims: async (use) => ({
      sub: user.sub,
      email: user.email,
      email_verified: true,
      name: user.name,
      'cognito:username': user.username,
      'cognito:groups': user.groups,
      ...(use === 'id_token' ? { token_use: 'id' } : {}),
    }),
  };
}

function buildConfiguration(options: {
  clients: IssuerClient[];
  users: readonly IssuerUser[];
  jwks: Configuration['jwks'];
}): Configuration {
  const { users } = options;
  return {
    adapter: createMemoryAdapter(),
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      post_logout_redirect_uris: client.postLogoutRedirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      scope,
    })),
    jwks: options.jwks,
    // Cognito puts the scope's claims in the id_token itself; next-auth reads them there.
    conformIdTokenClaims: false,
    claims: {
      openid: ['sub', 'cognito:username', 'cognito:groups', 'token_use'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    scopes: ['openid', 'email', 'profile'],
    findAccount: async (_ctx, sub) => {
      const user = users.find((candidate) => candidate.sub === sub);
      return user ? accountFor(user) : undefined;
    },
    extraTokenClaims: async (_ctx, token) => {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const user = users.find((candidate) => candidate.sub === token.accountId);
      if (!user) return undefined;
      return { 'cognito:groups': user.groups, username: user.username, token_use: 'access' };
    },
    formats: {
      customizers: {
        jwt: async (_ctx, _token, jwt) => {
          // oidc-provider refuses to sign a JWT access token without an audience; keeping
          // it as a non-enumerable property satisfies that check and leaves it out of the
          // serialised token, matching Cognito's access tokens.
          const { aud } = jwt.payload;
          delete jwt.payload.aud;
          Object.defineProperty(jwt.payload, 'aud', {
            value: aud,
            enumerable: false,
            writable: true,
            configurable: true,
          });
        },
      },
    },
    features: {
      devInteractions: { enabled: false },
      revocation: {
        enabled: true,
        // As Cognito's RevokeToken: an app client revokes only the tokens issued to it.
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => accessTokenResource,
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({
          scope,
          audience: accessTokenResource,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 3600,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = renderLogoutPage(form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = renderSignedOutPage();
        },
      },
    },
    // The web app is first-party: consent is granted for everything it may ask for.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, account } = ctx.oidc;
      if (!client || !session || !account) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
      const found = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      const grant =
        found && found.accountId === account.accountId
          ? found
          : new ctx.oidc.provider.Grant({
              clientId: client.clientId,
              accountId: account.accountId,
            });
      grant.addOIDCScope(scope);
      grant.addResourceScope(accessTokenResource, scope);
      await grant.save();
      return grant;
    },
    interactions: { url: async (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    // Cognito returns a refresh token with every code exchange.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 300,
      IdToken: 3600,
      Grant: 30 * 24 * 3600,
      Interaction: 3600,
      RefreshToken: 30 * 24 * 3600,
      Session: 24 * 3600,
    },
    routes: {
      authorization: '/oauth2/authorize',
      token: '/oauth2/token',
      userinfo: '/oauth2/userInfo',
      revocation: '/oauth2/revoke',
      end_session: '/logout',
      jwks: '/.well-known/jwks.json',
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = renderErrorPage({
        error: String(out.error),
        description: out.error_description ? String(out.error_description) : undefined,
      });
    },
  };
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 16_384) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

/**
 * Sent with every answer of the issuer: its sign-in form may never be framed by another site
 * (a framed form invites clickjacking), sniffed into another type, or leak its address (which
 * carries the sign-in's state) to another site. Its pages run one inline script (the logout
 * form's submit), so scripts are left alone.
 */
export const ISSUER_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(html);
}

async function handleInteraction(options: {
  provider: Provider;
  users: readonly IssuerUser[];
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
}): Promise<void> {
  const { provider, users, req, res, url } = options;
  const details = await provider.interactionDetails(req, res);
  const action = `/interaction/${details.uid}`;
  if (details.prompt.name !== 'login') {
    // Consent is pre-granted (loadExistingGrant); any other prompt just continues.
    await provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
    return;
  }
  if (req.method === 'GET' && url.pathname === action) {
    sendHtml(res, 200, renderLoginPage({ action }));
    return;
  }
  if (req.method === 'POST' && url.pathname === action) {
    const form = await readForm(req);
    const email = form.get('email') ?? '';
    const user = findUserByCredentials({ users, email, password: form.get('password') ?? '' });
    if (!user) {
      sendHtml(res, 401, renderLoginPage({ action, email, error: 'Incorrect email or password.' }));
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.sub } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  sendHtml(res, 404, renderErrorPage({ error: 'not_found' }));
}

/** Cognito's logout endpoint takes `logout_uri`; OpenID Connect's takes another name. */
function translateCognitoLogout(url: URL): string | undefined {
  if (url.pathname !== '/logout') return undefined;
  const logoutUri = url.searchParams.get('logout_uri');
  if (!logoutUri || url.searchParams.has('post_logout_redirect_uri')) return undefined;
  url.searchParams.delete('logout_uri');
  url.searchParams.set('post_logout_redirect_uri', logoutUri);
  return `${url.pathname}?${url.searchParams}`;
}

/** Starts a local OpenID Connect issuer that behaves like a Cognito user pool. */
export async function startIssuer(options: StartIssuerOptions): Promise<RunningIssuer> {
  const users = options.users ?? seededUsers;
  const jwks = await loadSigningKeys({ file: options.keysFile });
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8002, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = (options.issuerUrl ?? `http://localhost:${port}`).replace(/\/$/, '');
  if (new URL(url).pathname !== '/') throw new Error(`issuer URL must have no path: ${url}`);

  const provider = new Provider(
    url,
    buildConfiguration({
      clients: options.clients,
      users,
      jwks: jwks as Configuration['jwks'],
    }),
  );
  const handleOidc = provider.callback();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(ISSUER_SECURITY_HEADERS)) res.setHeader(name, value);
    const requestUrl = new URL(req.url ?? '/', url);
    if (requestUrl.pathname === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"ok"}');
      return;
    }
    if (requestUrl.pathname.startsWith('/interaction/')) {
      handleInteraction({ provider, users, req, res, url: requestUrl }).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (!res.headersSent) sendHtml(res, 400, renderErrorPage({ error: message }));
        else res.end();
      });
      return;
    }
    const translated = translateCognitoLogout(requestUrl);
    if (translated) req.url = translated;
    handleOidc(req, res);
  });

  return {
    url,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
