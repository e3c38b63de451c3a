/**
 * Where to send the browser so the issuer ends its own session too; otherwise the next
 * "Sign in" would silently sign the same person in again.
 *
 * - An issuer that advertises `end_session_endpoint` (OIDC RP-initiated logout; the local
 *   issuer) gets `id_token_hint` and `post_logout_redirect_uri`.
 * - Cognito advertises none; its hosted UI domain serves `/logout?client_id&logout_uri`.
 * - With neither, only the app's session ends and the browser goes straight back.
 */
export function buildIssuerLogoutUrl(options: {
  endSessionEndpoint: string | undefined;
  cognitoDomain: string | undefined;
  clientId: string;
  idToken: string | undefined;
  returnTo: string;
}): string {
  if (options.endSessionEndpoint) {
    const url = new URL(options.endSessionEndpoint);
    url.searchParams.set('client_id', options.clientId);
    url.searchParams.set('post_logout_redirect_uri', options.returnTo);
    if (options.idToken) url.searchParams.set('id_token_hint', options.idToken);
    return url.toString();
  }
  if (options.cognitoDomain) {
    const url = new URL('/logout', options.cognitoDomain);
    url.searchParams.set('client_id', options.clientId);
    url.searchParams.set('logout_uri', options.returnTo);
    return url.toString();
  }
  return options.returnTo;
}

let discovered: Promise<string | undefined> | undefined;

/** The issuer's end_session_endpoint from its discovery document, fetched once per process. */
export function discoverEndSessionEndpoint(issuer: string): Promise<string | undefined> {
  discovered ??= fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`)
    .then((response) => (response.ok ? response.json() : {}))
    .then((document: { end_session_endpoint?: unknown }) =>
      typeof document.end_session_endpoint === 'string' ? document.end_session_endpoint : undefined,
    )
    .catch(() => {
      // A failed look-up is retried next time rather than remembered.
      discovered = undefined;
      return undefined;
    });
  return discovered;
}
