import type { App } from '../app-env.js';
import type { JwksServer } from './jwks-server.js';

/** A signed-in caller of a test: their Cognito subject, user name and group. */
export interface TestPerson {
  sub: string;
  username: string;
  group: string;
}

/**
 * Calls the app's API as `who`, with a token the test issuer signs: a JSON body for an object,
 * a string body as it is (to send malformed JSON). `jwks` and `app` are read at call time, so a
 * suite may make them in `beforeAll`.
 */
export function callerOf(context: { jwks: () => JwksServer; app: () => App }) {
  return async (who: TestPerson, method: string, url: string, body?: unknown) => {
    const token = await context.jwks().signToken({
      claims: { sub: who.sub, username: who.username, 'cognito:groups': [who.group] },
    });
    return context.app().request(`/api/learntrac${url}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  };
}
