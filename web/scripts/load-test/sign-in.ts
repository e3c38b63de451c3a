import { decode } from 'next-auth/jwt';
import { CookieJar, send } from './http-client';

export interface SignedInUser {
  email: string;
  jar: CookieJar;
  /** The Cognito-style access token web holds for this user, for learn-api requests. */
  accessToken: string;
}

const SESSION_COOKIE = 'next-auth.session-token';

/**
 * Signs in as a person does, through web's sign-in and the local issuer's form (the Cognito
 * stand-in), following every redirect by hand. The access token is read back from the session
 * cookie with web's NEXTAUTH_SECRET, the way web itself reads it.
 */
export async function signIn(options: {
  webUrl: string;
  email: string;
  password: string;
  nextauthSecret: string;
}): Promise<SignedInUser> {
  const jar = new CookieJar();
  const web = options.webUrl.replace(/\/$/, '');
  const csrf = await send({ jar, url: `${web}/api/auth/csrf` });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const start = await send({
    jar,
    url: `${web}/api/auth/signin/cognito`,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${web}/`, json: 'true' }).toString(),
  });
  let next: string | null = (JSON.parse(start.body) as { url: string }).url;
  let submitted = false;
  for (let hop = 0; next && hop < 20; hop += 1) {
    const url: string = next;
    const page = await send({ jar, url });
    next = page.location;
    if (!next && page.status === 200 && !submitted) {
      const action = /<form method="post" action="([^"]+)"/.exec(page.body)?.[1];
      if (!action) throw new Error(`no sign-in form at ${url}`);
      submitted = true;
      const answer = await send({
        jar,
        url: new URL(action.replace(/&amp;/g, '&'), url).toString(),
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: options.email, password: options.password }).toString(),
      });
      next = answer.location;
    }
    if (jar.get(SESSION_COOKIE)) break;
  }
  const cookie = jar.get(SESSION_COOKIE);
  if (!cookie) throw new Error(`signing in as ${options.email} gave no session`);
  const token = await decode({ token: cookie, secret: options.nextauthSecret });
  const accessToken = token?.accessToken;
  if (typeof accessToken !== 'string') throw new Error('the session holds no access token');
  return { email: options.email, jar, accessToken };
}
