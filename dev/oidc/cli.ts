import { fileURLToPath } from 'node:url';
import { startIssuer } from './start-issuer.js';
import { seededUsers } from './users.js';

// Runs the issuer on its own: `pnpm --filter @learntrac/dev oidc`. Settings come from the
// same variables the web app reads, so both sides agree on the client.
const port = Number(process.env.OIDC_PORT ?? 8002);
const webUrl = (process.env.NEXTAUTH_URL ?? 'http://localhost:8000').replace(/\/$/, '');
const clientSecret = process.env.COGNITO_CLIENT_SECRET;
if (!clientSecret) {
  console.error('COGNITO_CLIENT_SECRET is not set: the web app client needs a secret.');
  process.exit(1);
}

let stop: (() => Promise<void>) | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.resolve(stop?.()).then(() => process.exit(0));
  });
}

const issuer = await startIssuer({
  port,
  host: process.env.OIDC_HOST ?? '127.0.0.1',
  issuerUrl: process.env.COGNITO_ISSUER ?? `http://localhost:${port}`,
  keysFile:
    process.env.OIDC_KEYS_FILE ??
    fileURLToPath(new URL('../../.data/oidc/signing-keys.json', import.meta.url)),
  clients: [
    {
      clientId: process.env.COGNITO_CLIENT_ID ?? 'learntrac-web',
      clientSecret,
      redirectUris: [`${webUrl}/api/auth/callback/cognito`],
      postLogoutRedirectUris: [`${webUrl}/`],
    },
  ],
});

stop = issuer.stop;
console.log(`OpenID Connect issuer ready at ${issuer.url}`);
for (const user of seededUsers) {
  console.log(`  ${user.email} / ${user.password} (${user.groups.join(', ')})`);
}
