import {
  type IssuerClient,
  type RunningIssuer,
  signInForTokens,
  startIssuer,
} from '@learntrac/dev/oidc';
import { buildTestApp, openTestDatabase, serveApp } from '@learntrac/learn-api/testing';

export const webClient: IssuerClient = {
  clientId: 'learntrac-web',
  clientSecret: 'web-test-secret',
  redirectUris: ['http://localhost:8000/api/auth/callback/cognito'],
  postLogoutRedirectUris: ['http://localhost:8000/'],
};

export const seededPeople = {
  learner: { email: 'learner@learntrac.local', password: 'learntrac-learner' },
  instructor: { email: 'instructor@learntrac.local', password: 'learntrac-instructor' },
  admin: { email: 'admin@learntrac.local', password: 'learntrac-admin' },
} as const;

export interface LearnApiStack {
  issuer: RunningIssuer;
  learnApiUrl: string;
  /** learn-api's database, for tests that put material in as ingestion leaves it. */
  db: Awaited<ReturnType<typeof openTestDatabase>>['db'];
  uploadMaxBytes: number;
  /** Real tokens from the issuer's code flow, as web holds them after sign-in. */
  tokensFor(person: keyof typeof seededPeople): ReturnType<typeof signInForTokens>;
  close(): Promise<void>;
}

/**
 * The parts web talks to, for real: the local Cognito stand-in, and learn-api (its own app, on a
 * fresh migrated and seeded database) accepting that issuer's access tokens, on loopback ports.
 */
export async function startLearnApiStack(
  options: { uploadMaxBytes?: number } = {},
): Promise<LearnApiStack> {
  const uploadMaxBytes = options.uploadMaxBytes ?? 50 * 1024 * 1024;
  const issuer = await startIssuer({ port: 0, clients: [webClient] });
  const database = await openTestDatabase();
  const { app, deps } = buildTestApp({
    jwks: { issuer: issuer.url, clientId: webClient.clientId },
    db: database.db,
    databaseUrl: database.database.url,
    uploadMaxBytes,
  });
  const server = await serveApp(app);
  return {
    issuer,
    learnApiUrl: server.url,
    db: database.db,
    uploadMaxBytes,
    tokensFor: (person) =>
      signInForTokens({ issuerUrl: issuer.url, client: webClient, ...seededPeople[person] }),
    async close() {
      await server.close();
      await deps.ingestQueue.stop();
      await database.close();
      await issuer.stop();
    },
  };
}
