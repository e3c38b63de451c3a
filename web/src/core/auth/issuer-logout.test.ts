import { describe, expect, it } from 'vitest';
import { buildIssuerLogoutUrl } from './issuer-logout';

const base = {
  clientId: 'learntrac-web',
  idToken: 'id.token.value',
  returnTo: 'http://localhost:8000/',
};

describe('buildIssuerLogoutUrl', () => {
  it('uses the OIDC end_session_endpoint with the id token as hint', () => {
    const url = new URL(
      buildIssuerLogoutUrl({
        ...base,
        endSessionEndpoint: 'http://localhost:8002/session/end',
        cognitoDomain: undefined,
      }),
    );
    expect(url.origin + url.pathname).toBe('http://localhost:8002/session/end');
    expect(url.searchParams.get('id_token_hint')).toBe('id.token.value');
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe('http://localhost:8000/');
    expect(url.searchParams.get('client_id')).toBe('learntrac-web');
  });

  it("uses Cognito's hosted UI /logout when the issuer has no end_session_endpoint", () => {
    const url = new URL(
      buildIssuerLogoutUrl({
        ...base,
        endSessionEndpoint: undefined,
        cognitoDomain: 'https://learntrac.auth.us-east-1.amazoncognito.com',
      }),
    );
    expect(url.pathname).toBe('/logout');
    expect(url.searchParams.get('logout_uri')).toBe('http://localhost:8000/');
    expect(url.searchParams.get('client_id')).toBe('learntrac-web');
  });

  it('goes straight home when the issuer offers no way to end its session', () => {
    expect(
      buildIssuerLogoutUrl({ ...base, endSessionEndpoint: undefined, cognitoDomain: undefined }),
    ).toBe('http://localhost:8000/');
  });
});
