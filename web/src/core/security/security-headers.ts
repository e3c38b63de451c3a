/**
 * Headers every response of the web app carries, pages and errors alike. The Content Security
 * Policy is built per request (its script nonce changes each time) by `buildContentSecurityPolicy`.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
};

/** The policy of files served from /raw-attachment: nothing in them may run or load. */
export const ATTACHMENT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

/**
 * The page policy. Scripts run only with this request's nonce (Next.js puts it on the scripts it
 * renders) or when loaded by such a script ('strict-dynamic': the chunks Next loads on demand).
 * Styles stay open to inline use: wiki text carries `style` attributes, which the sanitiser
 * limits to harmless properties. Forms may post here and to the sign-in service, which sign-out
 * redirects to. Nothing may frame a page, embed a plugin or rebase its links.
 */
export function buildContentSecurityPolicy(options: {
  nonce: string;
  /** Origins besides this one that forms may lead to (the issuer's logout). */
  formTargets: readonly string[];
  /** `next dev` evaluates code for fast refresh; production never does. */
  development: boolean;
}): string {
  const { nonce, formTargets, development } = options;
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    // Wiki pages may show pictures from other sites, as Trac's do; pictures run nothing.
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${["'self'", ...formTargets].join(' ')}`,
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}
