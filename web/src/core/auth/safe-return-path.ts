const BASE = 'http://learntrac.invalid';

/**
 * The path on this site that a `callbackUrl` or return address names, or `/` when it names
 * anything else. The value is resolved the way a browser would (dot segments, backslashes,
 * tabs and newlines removed), and what remains must be a path that cannot be read as
 * `//host`: `/.//evil.example` and `/..//evil.example` resolve to `//evil.example`, which a
 * browser follows to another site.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '/';
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  const { pathname, search, hash } = url;
  if (!pathname.startsWith('/') || pathname.startsWith('//') || pathname.startsWith('/\\')) {
    return '/';
  }
  return `${pathname}${search}${hash}`;
}

/** next-auth's `redirect` callback: absolute addresses of this site become paths, others home. */
export function safeRedirectUrl(options: { url: string; baseUrl: string }): string {
  const { url, baseUrl } = options;
  const origin = new URL(baseUrl).origin;
  const path = url.startsWith(origin) ? url.slice(origin.length) || '/' : url;
  return `${origin}${safeReturnPath(path)}`;
}
