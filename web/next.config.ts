import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const here = path.dirname(fileURLToPath(import.meta.url));

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
  // Scripts are left to Next's defaults; this forbids framing and plugin content.
  {
    key: 'Content-Security-Policy',
    value: "frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
  },
];

// Attachments are uploaded through server actions, whose bodies Next refuses above a limit fixed
// at build time. The limit admits the largest attachment (ATTACHMENTS_MAX_SIZE when the image is
// built, else its default of 256 KiB) plus 1 MiB for the rest of the form, which keeps Next's
// 1 MB default for forms without a file. A file over ATTACHMENTS_MAX_SIZE is refused with a
// message by the form and the action; a run-time ATTACHMENTS_MAX_SIZE above the build's value
// needs a rebuild.
const attachmentMaxSize = Number(process.env.ATTACHMENTS_MAX_SIZE) || 262_144;

const nextConfig: NextConfig = {
  // The container image runs .next/standalone/web/server.js; tracing from the repository root
  // puts the workspace packages (@learntrac/db) into that folder too.
  output: 'standalone',
  outputFileTracingRoot: path.join(here, '..'),
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: attachmentMaxSize + 1024 * 1024 },
  },
  // /api/learntrac/* goes to learn-api from src/proxy.ts, which reads LEARN_API_URL at run time;
  // rewrites declared here would be fixed when the image is built.
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
