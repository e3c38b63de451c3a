import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';
import { serverActionBodyLimit } from './src/core/security/server-action-body-limit';

const here = path.dirname(fileURLToPath(import.meta.url));

// Attachments are uploaded through server actions, whose bodies Next refuses above a limit fixed
// at build time: the largest attachment (ATTACHMENTS_MAX_SIZE when the image is built) plus 1 MiB.
// A file over ATTACHMENTS_MAX_SIZE is refused with a message by the form and the action; a larger
// body is refused with 413 by the front door (src/server), which reads this number from the build
// (`env`). A run-time
// ATTACHMENTS_MAX_SIZE above the build's value needs a rebuild.
const bodyLimit = serverActionBodyLimit(process.env);

const nextConfig: NextConfig = {
  // The container image runs .next/standalone/web (start-server.mjs beside Next's server); tracing from the repository root
  // puts the workspace packages (@learntrac/db) into that folder too.
  output: 'standalone',
  outputFileTracingRoot: path.join(here, '..'),
  poweredByHeader: false,
  reactStrictMode: true,
  env: { SERVER_ACTION_BODY_LIMIT: String(bodyLimit) },
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: bodyLimit },
  },
};

export default nextConfig;
