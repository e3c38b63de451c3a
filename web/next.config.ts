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

const nextConfig: NextConfig = {
  // The container image runs .next/standalone/web/server.js; tracing from the repository root
  // puts the workspace packages (@learntrac/db) into that folder too.
  output: 'standalone',
  outputFileTracingRoot: path.join(here, '..'),
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: { authInterrupts: true },
  // /api/learntrac/* goes to learn-api from src/proxy.ts, which reads LEARN_API_URL at run time;
  // rewrites declared here would be fixed when the image is built.
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
