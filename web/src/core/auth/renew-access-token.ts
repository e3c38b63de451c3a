import { SessionEndedError } from './session-lifetime';

/** The tokens a session holds from the issuer, as the sealed cookie keeps them. */
export interface IssuerTokens {
  accessToken?: string;
  /** Seconds since the epoch. */
  accessTokenExpiresAt?: number;
  refreshToken?: string;
  idToken?: string;
}

/**
 * A token this close to its expiry is renewed before use: one that expires while a request to
 * learn-api is on its way would be refused there.
 */
export const RENEW_BEFORE_EXPIRY_SECONDS = 60;

/** The issuer could not be asked (down, or answering with a server error): try again later. */
export class IssuerUnavailableError extends Error {
  override name = 'IssuerUnavailableError';
}

export interface IssuerClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

const nowInSeconds = () => Math.floor(Date.now() / 1000);

export function accessTokenNeedsRenewal(tokens: IssuerTokens, nowSeconds = nowInSeconds()) {
  return (
    typeof tokens.accessTokenExpiresAt === 'number' &&
    tokens.accessTokenExpiresAt - RENEW_BEFORE_EXPIRY_SECONDS <= nowSeconds
  );
}

const tokenEndpoints = new Map<string, Promise<string>>();

/** The issuer's token endpoint from its discovery document (Cognito's is on the hosted UI domain). */
function discoverTokenEndpoint(issuer: string): Promise<string> {
  const base = issuer.replace(/\/+$/, '');
  let endpoint = tokenEndpoints.get(base);
  if (!endpoint) {
    endpoint = fetch(`${base}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(5_000),
    })
      .then(async (response) => {
        const document = response.ok
          ? ((await response.json()) as { token_endpoint?: unknown })
          : {};
        if (typeof document.token_endpoint !== 'string') {
          throw new Error(`no token_endpoint (discovery answered ${response.status})`);
        }
        return document.token_endpoint;
      })
      .catch((error: unknown) => {
        // A failed look-up is retried next time rather than remembered.
        tokenEndpoints.delete(base);
        throw new IssuerUnavailableError(`the issuer's discovery document could not be read`, {
          cause: error,
        });
      });
    tokenEndpoints.set(base, endpoint);
  }
  return endpoint;
}

/**
 * New tokens for the session from the issuer's refresh_token grant, as Cognito offers it.
 * Throws SessionEndedError when the issuer refuses (the refresh token expired or was revoked:
 * the person must sign in again) and IssuerUnavailableError when it cannot be asked.
 */
export async function renewAccessToken(options: {
  client: IssuerClientSettings;
  tokens: IssuerTokens;
  nowSeconds?: number;
}): Promise<IssuerTokens> {
  const { client, tokens } = options;
  if (!tokens.refreshToken) {
    throw new SessionEndedError('The access token expired and the session has no refresh token.');
  }
  const endpoint = await discoverTokenEndpoint(client.issuer);
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(
          `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`,
        ).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
        client_id: client.clientId,
      }).toString(),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new IssuerUnavailableError('the token endpoint could not be reached', { cause: error });
  }
  if (response.status >= 500) {
    throw new IssuerUnavailableError(`the token endpoint answered ${response.status}`);
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || typeof body.access_token !== 'string') {
    const reason = typeof body.error === 'string' ? body.error : `status ${response.status}`;
    throw new SessionEndedError(`The issuer refused to renew the sign-in (${reason}).`);
  }
  const now = options.nowSeconds ?? nowInSeconds();
  const lifetime = typeof body.expires_in === 'number' ? body.expires_in : 3600;
  return {
    accessToken: body.access_token,
    accessTokenExpiresAt: now + lifetime,
    // Cognito keeps the refresh token unless rotation is on; an issuer that rotates sends a new one.
    refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : tokens.refreshToken,
    idToken: typeof body.id_token === 'string' ? body.id_token : tokens.idToken,
  };
}
